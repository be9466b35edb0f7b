// Copies handed across the store boundary, so callers never hold our in-memory data.
import type { Annotation, ArticleSummary } from '../model/contract';
import { SCHEMA_VERSION, type StateFile } from './file-schemas';
import type { ArticleState } from './store-types';

export function copySummary(s: ArticleSummary): ArticleSummary {
  return { ...s, tags: [...s.tags] };
}

/** A typed deep copy: several times faster than structuredClone on a thousand annotations. */
function cloneAnnotation(a: Annotation): Annotation {
  const [pos, quote] = a.target.selector;
  return {
    ...a,
    target: { ...a.target, selector: [{ ...pos }, { ...quote }] },
    body: { ...a.body, tags: [...a.body.tags] },
  };
}

export function cloneState(s: StateFile | ArticleState): ArticleState {
  return { annotations: s.annotations.map(cloneAnnotation), note: s.note, position: s.position };
}

export function emptyState(): StateFile {
  return { schemaVersion: SCHEMA_VERSION, annotations: [], note: '', position: 0 };
}
