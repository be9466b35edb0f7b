import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { toCanonicalHtml, toCanonicalInertHtml } from './canonical-html';
import { renderMarkdown } from './markdown-to-html';

/** What the sanitizer makes of markdown-it's own rendering: the path every Markdown file took before. */
function viaSanitizer(source: string) {
  const html = new MarkdownIt({ html: true, linkify: false, typographer: false }).render(source);
  return toCanonicalHtml(html);
}

function viaInertPath(source: string) {
  const rendered = renderMarkdown(source);
  if (!rendered?.inert) return null;
  return toCanonicalInertHtml(rendered.html);
}

const OWN_CASES: Record<string, string> = {
  links:
    '[web](https://a.example/x "A title") [mail](mailto:x@a.example) [here](#part-2) [file](notes/b.md) ' +
    '[data](data:text/html,hi) [script](javascript:alert(1)) <https://b.example/auto> <x@a.example>',
  'titles the sanitizer refuses':
    '[a](https://a.example "-->") [b](https://a.example "/>") [c](https://a.example "</title>")',
  images:
    '![A chart of deaths by month](https://a.example/chart.png) ![](https://a.example/x.png) ' +
    '![*Bold* `code` alt](img/local.jpg) ![tiny](data:image/png;base64,iVBORw0KGgo=) ![](data:image/gif;base64,R0lGOD)',
  code: '```js title="x"\nconst a = "<script>";\n```\n\n    indented <b>code</b>\n\nAnd `inline <i>` code.',
  table: '| left | centre | right |\n| :--- | :---: | ---: |\n| 1 | **2** | [3](https://a.example) |\n| 4 | 5 |',
  lists: '3. three\n4. four\n   - nested *one*\n   - nested two\n\n     with a paragraph\n\n- [ ] not a task list\n',
  blocks:
    'Title\n=====\n\n> A quote\n> over two lines  \n> with a hard break\n\n---\n\n## Second ##\n\nText with ~~strike~~.',
  entities: 'Caf&eacute; &amp; &#0; &nbsp;non-breaking &copy; \\<div> 5 < 6 > 4 & "quotes" \'single\'',
  references:
    'See [the report][r] and [again].\n\n[r]: https://a.example/report "Report"\n[again]: <https://a.example/a b>',
  spaces: 'Line one  \nline two\\\nline three\n\n\n\n\tTabbed paragraph? No: code.\n\n   Three spaces',
};

describe('Markdown without raw HTML skips the sanitizer and comes out exactly as the sanitizer makes it', () => {
  it.each(Object.entries(OWN_CASES))('%s', (_name, source) => {
    const inert = viaInertPath(source);
    expect(inert).not.toBeNull();
    expect(inert).toEqual(viaSanitizer(source));
  });

  it('leaves any file with raw HTML to the sanitizer', () => {
    expect(renderMarkdown('Text <span onclick="x()">here</span>.')?.inert).toBe(false);
    expect(renderMarkdown('<div>\n\n*block*\n\n</div>')?.inert).toBe(false);
    expect(renderMarkdown('![a](data:image/png;base64,AA== "t") ![-->](data:image/png;base64,AA==)')?.inert).toBe(
      false,
    );
  });

  // Real Markdown nobody here wrote: the READMEs of the installed packages (a few hundred, from many
  // authors and tools), and the Markdown files of the shared corpora.
  it('holds on the installed packages’ READMEs and the corpora’s Markdown files', () => {
    const files = [...packageReadmes(join(process.cwd(), 'node_modules')), ...corpusMarkdown()];
    let inert = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const fast = viaInertPath(source);
      if (fast === null) continue;
      inert += 1;
      expect(fast, file).toEqual(viaSanitizer(source));
    }
    expect(files.length).toBeGreaterThan(100);
    expect(inert).toBeGreaterThan(files.length / 4);
  }, 60_000);
});

function packageReadmes(root: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@')
      ? readdirSync(join(root, entry.name)).map((n) => join(root, entry.name, n))
      : [join(root, entry.name)];
    for (const dir of dirs) {
      const readme = readdirSync(dir).find((n) => /^readme\.md$/i.test(n));
      if (readme) found.push(join(dir, readme));
    }
  }
  return found;
}

function corpusMarkdown(): string[] {
  const root = join(process.cwd(), '..', 'shared', 'corpora');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => join(root, n));
}
