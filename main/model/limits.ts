// The longest user strings the contract accepts, declared once. Checked at the
// door (the services' validation) with a sentence naming the field, and again
// by the storage checks, so nothing larger ever reaches a file: one 20 MB tag
// once made every later index write take 0.8 s. This file imports nothing.

export const LIMITS = {
  title: 1000,
  /** author, site, published, language, source */
  metadataField: 2000,
  sourceUrl: 4096,
  tag: 100,
  tagsPerItem: 100,
  annotationNote: 100_000,
  articleNote: 200_000,
  entityName: 300,
} as const;

/** Schemes a stored `sourceUrl` may have: the web, and a local file for provenance (never javascript: or data:). */
export const SOURCE_URL_SCHEMES = ['http:', 'https:', 'file:'] as const;
