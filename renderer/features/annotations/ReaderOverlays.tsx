import type { ReaderContext } from '../reader/reader-context';

/** Placeholder: the annotations and find features render their toolbar, popovers and find bar here. */
export function ReaderOverlays({ ctx }: { ctx: ReaderContext }) {
  void ctx;
  return null;
}
