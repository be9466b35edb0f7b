import MarkdownIt from 'markdown-it';
import { holdToSanitizerRules } from './markdown-inert';

export interface FrontMatter {
  title: string | null;
  author: string | null;
  published: string | null;
  sourceUrl: string | null;
  site: string | null;
  language: string | null;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function unquote(value: string): string {
  const v = value.trim();
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1).trim();
  return v;
}

/** Reads flat `key: value` pairs from YAML front matter; nested structures are ignored, never executed. */
export function splitFrontMatter(markdown: string): { body: string; meta: FrontMatter } {
  const meta: FrontMatter = { title: null, author: null, published: null, sourceUrl: null, site: null, language: null };
  const m = FRONT_MATTER.exec(markdown);
  if (!m) return { body: markdown, meta };
  const fields = new Map<string, string>();
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv && kv[2]!.trim() !== '') fields.set(kv[1]!.toLowerCase(), unquote(kv[2]!));
  }
  const pick = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = fields.get(k);
      if (v) return v;
    }
    return null;
  };
  meta.title = pick('title');
  meta.author = pick('author', 'authors', 'by', 'byline');
  meta.published = pick('published', 'date', 'pubdate', 'published_at');
  const url = pick('url', 'source', 'source_url', 'canonical', 'link');
  meta.sourceUrl = url && /^https?:\/\//i.test(url) ? url : null;
  meta.site = pick('site', 'site_name', 'publisher', 'publication');
  meta.language = pick('lang', 'language');
  return { body: markdown.slice(m[0].length), meta };
}

let md: InstanceType<typeof MarkdownIt> | null = null;

/**
 * The most elements a Markdown file may render to before it is kept as plain text instead:
 * sanitizing and normalizing cost more than linear time in the element count (1 MB of `*_[`
 * renders to 660,000 `<em>`s and took 25 s), while prose has about one element per 70 bytes.
 */
export function markdownElementBudget(bytes: number): number {
  return 20_000 + Math.floor(bytes / 25);
}

export interface RenderedMarkdown {
  html: string;
  /**
   * True when the file held no raw HTML and the markup was written within the sanitizer's rules
   * (markdown-inert.ts): it needs no sanitizer pass. False: `html` is untrusted and must be sanitized.
   */
  inert: boolean;
}

/**
 * Renders Markdown to HTML. Raw HTML is allowed here because the sanitizer runs next on any file that
 * holds it. Returns null when the rendering would hold more than `maxElements` elements.
 */
export function renderMarkdown(markdown: string, maxElements = Number.POSITIVE_INFINITY): RenderedMarkdown | null {
  md ??= new MarkdownIt({ html: true, linkify: false, typographer: false });
  const tokens = md.parse(markdown, {});
  let elements = 0;
  for (const t of tokens) {
    if (t.nesting === 1) elements += 1;
    if (t.children) for (const c of t.children) if (c.nesting === 1 || c.type === 'image') elements += 1;
    if (elements > maxElements) return null;
  }
  const inert = holdToSanitizerRules(tokens);
  return { html: md.renderer.render(tokens, md.options, {}), inert };
}

/** The text of the first level-one ATX or setext heading, or null. */
export function firstMarkdownHeading(markdown: string): string | null {
  const atx = /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(markdown.slice(0, 50_000));
  if (atx?.[1]) return atx[1].replace(/[*_`]/g, '').trim() || null;
  const setext = /^(\S.*)\r?\n {0,3}=+[ \t]*$/m.exec(markdown.slice(0, 50_000));
  return setext?.[1]?.replace(/[*_`]/g, '').trim() || null;
}
