// The last step of importing a Gloss export: the annotations read back from
// the file are re-anchored in the text the import pipeline produced from the
// body Markdown (normally identical; if not, position + quote find them).
import type { Annotation } from '../model/contract';
import type { ExportedAnnotation } from './read-exported-markdown';
import type { AnchorFn } from './web-annotation';

export function restoreAnnotations(
  articleId: string,
  text: string,
  annotations: ExportedAnnotation[],
  anchor: AnchorFn,
): Annotation[] {
  return annotations.map((a) => {
    const position = { type: 'TextPositionSelector' as const, start: a.start, end: a.end };
    const quote = { type: 'TextQuoteSelector' as const, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
    // An orphan stays an orphan: its quote is kept as evidence, never attached elsewhere.
    const found = a.status === 'orphan' ? null : anchor(text, [position, quote]);
    const { start: _s, end: _e, exact: _x, prefix: _p, suffix: _f, ...rest } = a;
    if (!found) return { ...rest, status: 'orphan', target: { source: articleId, selector: [position, quote] } };
    return {
      ...rest,
      status: found.status === 'anchored' && a.status === 'moved' ? 'moved' : found.status,
      target: {
        source: articleId,
        selector: [
          { type: 'TextPositionSelector', start: found.start, end: found.end },
          {
            type: 'TextQuoteSelector',
            exact: text.slice(found.start, found.end),
            prefix: text.slice(Math.max(0, found.start - 32), found.start),
            suffix: text.slice(found.end, found.end + 32),
          },
        ],
      },
    };
  });
}
