// The Markdown renderers an exported file meets outside Gloss, each turned
// into HTML: markdown-it (with ==mark== and footnotes, raw HTML off and on),
// pandoc 2.x (markdown, commonmark_x, gfm), Python-Markdown and mistune
// (Debian's /usr/bin/python3, which has both). Raw HTML is passed through
// wherever the renderer allows it, so that anything hostile that survived the
// export shows up as an element.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { renderMarkdownHtml } from './render-check';

const run = promisify(execFile);

export interface Renderer {
  name: string;
  /** True when `==text==` becomes a <mark>; otherwise the `==` stay as text. */
  marks: boolean;
  /** True when the renderer turns straight quotes, `--` and `...` into typographic ones. */
  smart: boolean;
  /** True when raw HTML shows as text (markdown-it's default). */
  htmlAsText?: boolean;
  render(docs: string[]): Promise<string[]>;
}

function markdownIt(html: boolean): Renderer {
  return {
    name: html ? 'markdown-it (html on)' : 'markdown-it',
    marks: true,
    smart: false,
    htmlAsText: !html,
    async render(docs) {
      return docs.map((d) => renderMarkdownHtml(d, html));
    },
  };
}

function pandoc(from: 'markdown' | 'commonmark_x' | 'gfm'): Renderer {
  return {
    name: `pandoc ${from}`,
    marks: false,
    smart: from !== 'gfm',
    async render(docs) {
      const out: string[] = [];
      for (const doc of docs) {
        const child = run('pandoc', ['-f', from, '-t', 'html5', '--wrap=none'], { maxBuffer: 64 << 20 });
        child.child.stdin!.end(doc);
        try {
          out.push((await child).stdout);
        } catch (e) {
          out.push(`<p data-render-error="">${String((e as { stderr?: string }).stderr ?? e)}</p>`);
        }
      }
      return out;
    },
  };
}

const PYTHON = '/usr/bin/python3';

function python(name: string, script: string): Renderer {
  return {
    name,
    marks: false,
    smart: false,
    async render(docs) {
      const child = run(PYTHON, ['-c', script], { maxBuffer: 64 << 20 });
      child.child.stdin!.end(JSON.stringify(docs));
      return JSON.parse((await child).stdout) as string[];
    },
  };
}

const PYTHON_MARKDOWN = `
import json, sys, markdown
docs = json.load(sys.stdin)
print(json.dumps([markdown.markdown(d, extensions=['footnotes', 'tables', 'fenced_code']) for d in docs]))
`;

// escape=False: raw HTML passes, as in mistune's own default renderer.
const MISTUNE = `
import json, sys, mistune
md = mistune.create_markdown(escape=False, plugins=['strikethrough', 'footnotes', 'table'])
docs = json.load(sys.stdin)
print(json.dumps([md(d) for d in docs]))
`;

export const RENDERERS: Renderer[] = [
  markdownIt(false),
  markdownIt(true),
  pandoc('markdown'),
  pandoc('commonmark_x'),
  pandoc('gfm'),
  python('Python-Markdown', PYTHON_MARKDOWN),
  python('mistune', MISTUNE),
];
