import type { ReaderContext } from '../reader/reader-context';

/** Placeholder: the export feature replaces this with the "Export Markdown" button. */
export function ExportButton({ ctx }: { ctx: ReaderContext }) {
  void ctx;
  return null;
}
