// The layers of main/, bottom first. A folder may import only from folders in
// layers below its own (and from itself); folders in one layer do not import
// each other. tests/unit/architecture.test.ts enforces it.
export const LAYERS = [
  // Wire types, fixed lists, error codes, input checks: imports nothing, shared by all three processes.
  ['model'],
  // Storage and the pure import pipeline, each over the model only.
  ['storage', 'import'],
  // Services over storage: anchoring and annotations, entity extraction.
  ['annotations', 'entities'],
  // Markdown and JSON-LD interchange, over annotations and entities' output.
  ['export'],
  // The library's operations: articles, imports, settings.
  ['library'],
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
  'main/annotations/annotations-service.ts':
    'to be split by the feature-folder step (Update from file moves to importing)',
  'main/import/text-reader.ts': 'reader mode for plain text: one pass of line rules that share their state',
  'main/import/import-document.ts': 'the import pipeline per format; to be split per format',
  'main/import/normalize-blocks.ts': 'block normalisation rules applied in one DOM walk',
  'main/entities/ner/features.ts':
    'the tagger feature template: one table, kept together so training and tagging agree',
  'main/library/library-service.ts': 'to be split by the feature-folder step (settings, articles, importing)',
  'main/export/highlight-sentinels.ts': 'placing highlight marks through HTML-to-Markdown in one walk',
  'main/cli/gloss.ts': 'the CLI commands; to be split per command',
  'main/storage/article-records.ts': 'every multi-file change of one article, under one per-article lock',
};
