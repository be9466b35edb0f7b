// The layers of main/, bottom first. A folder may import only from folders in
// layers below its own (and from itself); folders in one layer do not import
// each other. tests/unit/architecture.test.ts enforces it.
export const LAYERS = [
  // Wire types, fixed lists, error codes, input checks: imports nothing, shared by all three processes.
  ['model'],
  // Storage and the pure import pipeline, each over the model only.
  ['storage', 'import'],
  // Features over storage: annotations (with anchoring), entity extraction, settings and app info.
  ['annotations', 'entities', 'settings'],
  // Markdown and JSON-LD interchange over annotations and entities; the articles (reading, details, trash).
  ['export', 'articles'],
  // Importing: files, pastes, our own exports coming back, and "Update from file"; library search.
  ['importing', 'search'],
  // The handler table the transports serve.
  ['api'],
  // Composition: every service over one library folder.
  ['app'],
  // Transports and entry points: HTTP, CLI, Electron.
  ['transport'],
  ['cli', 'electron'],
  // main/index.ts
  ['.'],
] as const;

/** Shipped files over 300 lines, each with why it is one concept (or what splitting it waits for). */
export const LONG_FILES: Record<string, string> = {
  'main/model/contract.ts': 'the whole wire contract in one place: every type crossing a process boundary',
  'main/import/text-reader.ts': 'reader mode for plain text: one pass of line rules that share their state',
  'main/import/normalize-blocks.ts': 'block normalisation rules applied in one DOM walk',
  'main/entities/ner/features.ts':
    'the tagger feature template: one table, kept together so training and tagging agree',
  'main/export/highlight-sentinels.ts': 'placing highlight marks through HTML-to-Markdown in one walk',
  'main/storage/article-records.ts': 'every multi-file change of one article, under one per-article lock',
};

/**
 * The HTML parsers main/ uses, each behind the files named. jsdom is the DOM DOMPurify sanitizes in;
 * parse5 is jsdom's own parser (the HTML standard's tree building), used alone where no DOM is needed;
 * linkedom holds a saved page for Readability; domino is the DOM turndown ships with.
 */
export const HTML_PARSERS: Record<string, { files: string[]; why: string }> = {
  jsdom: { files: ['main/import/html-window.ts'], why: 'DOMPurify needs a full DOM window' },
  parse5: {
    files: ['main/import/fragment-text.ts', 'main/import/page-dom.ts'],
    why: "the HTML standard's parser without a DOM: the round-trip text of a megabyte, and a page's tree written out with every tag explicit for linkedom",
  },
  linkedom: {
    files: ['main/import/page-dom.ts'],
    why: 'a light DOM for Readability and for walking sanitized articles; several times faster than jsdom on a saved page',
  },
  '@mixmark-io/domino': {
    files: ['main/export/parse-html.ts'],
    why: 'the DOM turndown is built on (a dependency of turndown either way); several times faster than jsdom',
  },
};
