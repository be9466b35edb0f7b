// Notes are the user's Markdown, but they may have been pasted from anywhere:
// markdown-it with raw HTML off, then DOMPurify with the strict profile, and
// links only to https and mailto (the reader's link handler confirms them).
import DOMPurify, { type Config } from 'dompurify';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
// markdown-it's own validator still lets http: and data:image through.
md.validateLink = (url) => /^(?:https:|mailto:)/i.test(url.trim());

const CONFIG: Config & { RETURN_DOM_FRAGMENT?: false; RETURN_DOM?: false } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'iframe',
    'embed',
    'object',
    'link',
    'meta',
    'base',
    'img',
    'video',
    'audio',
  ],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:https:|mailto:)/i,
  SANITIZE_NAMED_PROPS: true,
};

let purifier: ReturnType<typeof DOMPurify> | null = null;
// The sidebar re-renders every note whenever any annotation changes: remember recent results.
const cache = new Map<string, string>();
const CACHE_SIZE = 2000;

export function renderNote(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  purifier ??= DOMPurify(window);
  const html = purifier.sanitize(md.render(markdown), CONFIG) as string;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(markdown, html);
  return html;
}
