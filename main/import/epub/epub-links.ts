// Links between an EPUB's chapters, once the chapters are one article: "chapter2.xhtml#sec3"
// becomes "#epub-2-sec3", a link to the element inside the joined article, and "chapter2.xhtml"
// a link to the chapter's start. Every id is renamed "epub-<chapter>-<id>", so two chapters'
// "sec3" (or a book's own "epub-2") never meet: the chapter number ends at the first dash.
// Only the ids that links point at are kept (see InternalLinks); the rest go as for any page.
import type { InternalLinks } from '../sanitize-html';
import { decodePath, resolveHref } from './epub-archive';

/** DOMPurify's name for ids from content, which the renderer's pass keeps as they are. */
const ID_PREFIX = 'user-content-';
/** A URL with a scheme ("https:", "mailto:", "javascript:") or a host: not a file of the book. */
const ELSEWHERE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export class BookLinks {
  private readonly chapterOf = new Map<string, number>();
  /** Ids written on elements, prefixed. */
  private readonly written = new Set<string>();
  /** Each link's provisional href, with its target's id and its chapter's (both prefixed). */
  private readonly linked = new Map<string, { target: string; root: string }>();

  /** `paths`: the archive paths of the chapters, in reading order (chapter n is paths[n - 1]). */
  constructor(paths: readonly string[]) {
    paths.forEach((path, i) => {
      if (!this.chapterOf.has(decodePath(path))) this.chapterOf.set(decodePath(path), i + 1);
    });
  }

  /** The id of chapter `n`'s root element, where a link to the chapter's file lands. */
  rootId(n: number): string {
    this.written.add(`${ID_PREFIX}epub-${n}`);
    return `${ID_PREFIX}epub-${n}`;
  }

  /** Renames the ids of chapter `n` (read from `path`) and points its links inside the book. */
  rewrite(body: HTMLElement, n: number, path: string): void {
    for (const el of Array.from(body.querySelectorAll('[id], a[name]'))) {
      // EPUB 2 books still mark targets with <a name>.
      const id = el.getAttribute('id') || el.getAttribute('name');
      if (!id) continue;
      el.setAttribute('id', `${ID_PREFIX}epub-${n}-${id}`);
      this.written.add(`${ID_PREFIX}epub-${n}-${id}`);
    }
    for (const link of Array.from(body.querySelectorAll('a[href]'))) {
      const href = link.getAttribute('href')!.trim();
      if (ELSEWHERE.test(href)) continue; // the sanitizer keeps web links and drops the rest
      const hash = href.indexOf('#');
      const file = hash < 0 ? href : href.slice(0, hash);
      const fragment = hash < 0 ? '' : decodeFragment(href.slice(hash + 1));
      const chapter = file === '' ? n : this.chapterOf.get(decodePath(resolveHref(path, file)));
      if (chapter === undefined) {
        // A file outside the reading order (a picture, a page the spine leaves out): nowhere to go.
        link.removeAttribute('href');
        continue;
      }
      const root = `${ID_PREFIX}epub-${chapter}`;
      const name = fragment === '' ? `epub-${chapter}` : `epub-${chapter}-${fragment}`;
      const provisional = `#${encodeURIComponent(name)}`;
      link.setAttribute('href', provisional);
      this.linked.set(provisional, { target: ID_PREFIX + name, root });
    }
  }

  /** Once every chapter is rewritten: the ids to keep, and the links whose target is missing sent to its chapter. */
  finish(): InternalLinks {
    const targets = new Set<string>();
    const redirects = new Map<string, string | null>();
    for (const [href, { target, root }] of this.linked) {
      if (this.written.has(target)) targets.add(target);
      else if (this.written.has(root)) {
        targets.add(root);
        redirects.set(href, `#${root.slice(ID_PREFIX.length)}`);
      } else redirects.set(href, null); // a chapter whose file is missing
    }
    return { targets, redirects };
  }
}
