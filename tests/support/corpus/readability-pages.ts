// Mozilla Readability's test pages, read where they are (../shared/corpora/, beside the clone; never
// copied into the project): each page's saved HTML, the article Readability extracts from it and the
// metadata it finds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const CORPUS_DIR = join(REPO, '..', 'shared', 'corpora', 'readability-test-pages');

export interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  dir: string | null;
  lang: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

export interface CorpusPage {
  name: string;
  dir: string;
  sourcePath: string;
  source(): Uint8Array;
  expectedHtml(): string;
  metadata(): ExpectedMetadata;
}

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

export function corpusPages(): CorpusPage[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(CORPUS_DIR, name);
      return {
        name,
        dir,
        sourcePath: join(dir, 'source.html'),
        source: () => new Uint8Array(readFileSync(join(dir, 'source.html'))),
        expectedHtml: () => readFileSync(join(dir, 'expected.html'), 'utf8'),
        metadata: () => JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata,
      };
    });
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

const BLOCKS = new Set(
  'address article aside blockquote br caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;

/**
 * The reading text of Readability's expected article, the way Gloss writes an article's text: text
 * nodes in order, and a remote image as "[image: its alt]" (an offline reader shows the alt text in
 * its place). Written with parse5 alone, so Gloss's own import code is not the judge of itself.
 */
export function expectedText(html: string): string {
  const parts: string[] = [];
  const stack: Node[] = [parseFragment(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (node.nodeName === 'img') {
      const attrs = (node as DefaultTreeAdapterTypes.Element).attrs;
      const alt = attrs.find((a) => a.name === 'alt')?.value.trim();
      const src = attrs.find((a) => a.name === 'src')?.value ?? '';
      if (alt && !INLINE_IMAGE.test(src.trim())) parts.push(` [image: ${alt}] `);
      continue;
    }
    if (!('childNodes' in node)) continue;
    if (BLOCKS.has(node.nodeName)) parts.push(' ');
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join('');
}
