import type { Annotation, Article, GlossApi } from '../../../main/model/contract';

/**
 * What the reader view hands to the features that plug into it (annotations,
 * entities, find, export). `root` is the element whose textContent equals
 * `article.text` exactly, so canonical offsets map onto its text nodes.
 */
export interface ReaderContext {
  api: GlossApi;
  article: Article;
  root: HTMLElement | null;
  annotations: Annotation[];
  setAnnotations(update: (current: Annotation[]) => Annotation[]): void;
  /** Replaces the article after a metadata edit or "Update from file…". */
  onArticleChanged(article: Article): void;
  /** A short status message; with `undo`, the toast offers an Undo button. */
  notify(message: string, options?: { undo?: () => void; level?: 'info' | 'error' }): void;
  /** Scrolls to and briefly flashes a range of the canonical text. */
  revealRange(start: number, end: number): void;
}
