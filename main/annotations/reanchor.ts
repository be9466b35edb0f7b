// Re-anchors every annotation of an article after its canonical text changed.
// Found annotations get fresh selectors describing the new text; the rest stay
// exactly as they were with status 'orphan' — never dropped, so the user can see
// the quote and note and decide.
import type { Annotation } from '../model/contract';
import { anchorSelectors, type AnchorOptions } from './anchor';
import { describeRange } from './describe';
import { buildOffsetMap } from './offset-map';

export function reanchorAll(oldText: string, newText: string, annotations: readonly Annotation[]): Annotation[] {
  const map = buildOffsetMap(oldText, newText);
  return annotations.map((a) => {
    const exact = a.target.selector[1].exact;
    const recurred = () => {
      const first = oldText.indexOf(exact);
      return first !== -1 && oldText.indexOf(exact, first + 1) !== -1;
    };
    return reanchorOne(newText, a, { hint: map(a.target.selector[0].start), recurred });
  });
}

function reanchorOne(text: string, annotation: Annotation, options: AnchorOptions = {}): Annotation {
  const found = anchorSelectors(text, annotation.target.selector, options);
  if (!found) return annotation.status === 'orphan' ? annotation : { ...annotation, status: 'orphan' };
  return {
    ...annotation,
    target: { ...annotation.target, selector: describeRange(text, found.start, found.end) },
    status: found.status,
  };
}
