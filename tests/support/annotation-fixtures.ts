// Builders shared by this folder's tests and bench (not used by the app).
import type { Annotation, HighlightColor } from '../../main/model/contract';
import { describeRange } from '../../main/annotations/describe';

export function makeAnnotation(
  text: string,
  start: number,
  end: number,
  over: { id?: string; articleId?: string; color?: HighlightColor; note?: string; tags?: string[] } = {},
): Annotation {
  return {
    id: over.id ?? `a-${start}-${end}`,
    created: '2026-11-27T00:00:00.000Z',
    modified: '2026-11-27T00:00:00.000Z',
    target: { source: over.articleId ?? 'article-1', selector: describeRange(text, start, end) },
    body: { color: over.color ?? 'yellow', note: over.note ?? '', tags: over.tags ?? [] },
    status: 'anchored',
  };
}

export function annotateQuote(
  text: string,
  quote: string,
  occurrence = 0,
  over: Parameters<typeof makeAnnotation>[3] = {},
): Annotation {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture lacks "${quote}"`);
  return makeAnnotation(text, at, at + quote.length, { id: over.id ?? quote, ...over });
}
