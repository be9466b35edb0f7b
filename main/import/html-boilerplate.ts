// What Readability leaves of a page's furniture inside the article: a byline block repeating the
// metadata, "Advertisement", share and newsletter boxes, "Related" lists, further copies of the
// headline. They are taken out of the canonical article (sanitized, normalized HTML) with the same
// tests as plain-text reader mode, and each is kept, with its place, for "Show what was removed".
import type { RemovalReason, RemovedPassage } from '../model/contract';
import { textContentOfHtml } from './fragment-text';
import { parseSanitizedBody } from './page-dom';
import { normalizeBlocks } from './normalize-blocks';
import { countWordsIn, squash, type TextBlock } from './text-blocks';
import {
  bylineOf,
  isAdBlock,
  isDateLine,
  isProse,
  isRelatedLabel,
  isRelatedLink,
  isShareLine,
  nameBeforeDate,
} from './text-shapes';

export interface CleanedArticle {
  html: string;
  text: string;
  removed: RemovedPassage[];
  /** A byline found in the article when the page's metadata named no author. */
  author: string | null;
}

const LEAF_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DT', 'DD']);
/** The blocks counted as the article's paragraphs (the same in both passes). */
const PROSE_BLOCKS = new Set(['P', 'LI', 'DD']);
const CONTAINERS = new Set(['DIV', 'UL', 'OL', 'SECTION', 'DL']);
/** A box of furniture is small: a heading, a line or two, a few links. */
const SMALL_BOX_WORDS = 60;

function blockOf(el: Element): TextBlock {
  const flat = squash(el.textContent ?? '');
  return { start: 0, end: flat.length, lines: [flat], flat, words: countWordsIn(flat) };
}

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isBlockElement(node: Node | null): node is Element {
  return (
    node?.nodeType === 1 && (LEAF_BLOCKS.has((node as Element).tagName) || CONTAINERS.has((node as Element).tagName))
  );
}

/** The first block inside `el` (itself when it has none): a box is judged by its first line. */
function firstBlock(el: Element): Element {
  for (const child of childElements(el))
    if (isBlockElement(child) && squash(child.textContent ?? '')) return firstBlock(child);
  return el;
}

/**
 * The element children, by sibling links: every `length` read on jsdom's `children` proxy looks the name
 * up among all the children first, so walking a 10,000-paragraph article through it was quadratic.
 */
function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

function chromeReason(block: TextBlock): RemovalReason | null {
  if (isAdBlock(block) || /^(?:advertisement|sponsored|ad)$/i.test(block.flat)) return 'ad';
  if (isShareLine(block.flat)) return 'share';
  if (isRelatedLink(block.flat) || isRelatedLabel(block.flat)) return 'related';
  return null;
}

class Cleaner {
  readonly removals: { el: Element; reason: RemovalReason }[] = [];
  author: string | null = null;
  private titleSeen = false;
  /** Paragraphs of prose seen so far: a byline sits before the second (the first may be the standfirst). */
  private prose = 0;

  constructor(
    private readonly title: string | null,
    private readonly knownAuthor: string | null,
    /** How many prose paragraphs the article has: after the last one, the page has resumed. */
    private readonly totalProse: number,
    /** Look for menus too (Readability did not run, or it was given a pasted fragment). */
    private readonly menus: boolean,
  ) {}

  /** A menu: a short block that is nearly all links, before the article begins or after it ends. */
  private isMenu(el: Element, block: TextBlock): boolean {
    if (!this.menus || block.words > 40 || isProse(block) || (this.prose > 0 && this.prose < this.totalProse))
      return false;
    const links = Array.from(el.querySelectorAll('a')).map((a) => squash(a.textContent ?? ''));
    if (links.length < 2 || links.some((l) => l.startsWith('[image:') || /^https?:/.test(l))) return false;
    const linked = links.reduce((n, l) => n + l.length, 0);
    return linked >= 0.8 * block.flat.length;
  }

  private readonly gone = new Set<Element>();

  private remove(el: Element, reason: RemovalReason): void {
    if (this.gone.has(el)) return;
    this.gone.add(el);
    this.removals.push({ el, reason });
  }

  /**
   * A furniture heading ("Subscribe to our newsletter", "Related") takes its short section along: the
   * list or the line or two under it, up to the next heading or real paragraph.
   */
  private takeSection(heading: Element, reason: RemovalReason): void {
    let taken = 0;
    for (let next = heading.nextElementSibling; next && taken < 3; next = next.nextElementSibling) {
      const b = blockOf(next);
      if (/^H[1-6]$/.test(next.tagName) || b.words > 40 || (isProse(b) && b.words > 25)) break;
      if (b.words > 0) this.remove(next, reason);
      taken++;
    }
  }

  /** Visits blocks in document order; returns true when `el` was removed (its inside is then skipped). */
  visit(el: Element): boolean {
    if (this.gone.has(el)) return true;
    const block = blockOf(el);
    if (block.words === 0) return false;
    if (this.isMenu(el, block)) {
      this.remove(el, 'navigation');
      return true;
    }
    const inner = firstBlock(el);
    if (CONTAINERS.has(el.tagName) && inner !== el) {
      if (block.words > SMALL_BOX_WORDS) return false;
      const reason = chromeReason(blockOf(inner));
      if (reason && !isProse(block)) {
        this.remove(el, reason);
        return true;
      }
      return false;
    }
    if (/^H[12]$/.test(el.tagName) && this.title && fold(block.flat) === fold(this.title)) {
      // The first copy is the page's own heading (the reader hides it under its title); others repeat it.
      const copy = this.titleSeen;
      this.titleSeen = true;
      if (copy) this.remove(el, 'repeat');
      return copy;
    }
    if (isProse(block) && !isAdBlock(block)) {
      if (PROSE_BLOCKS.has(el.tagName)) this.prose++;
      return false;
    }
    const reason = chromeReason(block);
    if (reason) {
      this.remove(el, reason);
      if (/^H[2-6]$/.test(el.tagName) || (reason === 'related' && isRelatedLabel(block.flat)))
        this.takeSection(el, reason);
      return true;
    }
    if (this.prose <= 1 && block.words <= 30) {
      const name = bylineOf(block.flat) ?? nameBeforeDate(block.flat);
      if (name || isDateLine(block.flat)) {
        if (name && !this.knownAuthor) this.author ??= name;
        this.remove(el, name ? 'byline' : 'dateline');
        return true;
      }
    }
    return false;
  }
}

function countProse(root: Element): number {
  let n = 0;
  for (const el of Array.from(root.querySelectorAll('p, li, dd')))
    if (isProse(blockOf(el)) && !isAdBlock(blockOf(el))) n++;
  return n;
}

function walk(root: Element, cleaner: Cleaner): void {
  for (const child of childElements(root)) {
    if (isBlockElement(child) && cleaner.visit(child)) continue;
    if (child.tagName === 'PRE' || child.tagName === 'TABLE' || child.tagName === 'FIGURE') continue;
    walk(child, cleaner);
  }
}

/** Text offset of every text node, in document order. */
function textOffsets(root: Element): Map<Node, number> {
  const offsets = new Map<Node, number>();
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    offsets.set(n, offset);
    offset += (n as Text).data.length;
  }
  return offsets;
}

/** For each element, the first visible text node after it that stays (null when nothing does). */
function followingText(root: Element, removing: readonly Element[]): (Node | null)[] {
  const nodes: Node[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const gone = new Set(removing);
  const kept = nodes.map((n) => {
    if (!/\S/.test((n as Text).data)) return false;
    for (let p = n.parentElement; p && p !== root; p = p.parentElement) if (gone.has(p)) return false;
    return true;
  });
  const index = new Map(nodes.map((n, i) => [n, i]));
  return removing.map((el) => {
    let lastText: Node | null = null;
    const inside = root.ownerDocument.createTreeWalker(el, 0x4);
    for (let n = inside.nextNode(); n; n = inside.nextNode()) lastText = n;
    for (let i = (lastText ? index.get(lastText)! : -1) + 1; i < nodes.length; i++) if (kept[i]) return nodes[i]!;
    return null;
  });
}

/** Removes `el` and the block separator beside it; an emptied parent goes too. */
function detach(el: Element, root: Element): void {
  const isSeparator = (n: Node | null) => n?.nodeType === 3 && !/\S/.test((n as Text).data);
  const parent = el.parentElement;
  if (isSeparator(el.previousSibling)) el.previousSibling!.remove();
  else if (isSeparator(el.nextSibling)) el.nextSibling!.remove();
  el.remove();
  if (parent && parent !== root && !/\S/.test(parent.textContent ?? '') && !parent.querySelector('img, hr')) {
    detach(parent, root);
  }
}

/**
 * Takes page furniture out of a canonical article. When the result would not be canonical as it
 * stands (text and markup disagreeing), nothing is removed: the article as Readability found it is
 * better than a damaged one.
 */
export function removeHtmlBoilerplate(
  article: { html: string; text: string },
  meta: { title: string | null; author: string | null; menus: boolean },
): CleanedArticle {
  const unchanged: CleanedArticle = { html: article.html, text: article.text, removed: [], author: null };
  if (
    !/Advertisement|Sponsored|Share|Subscribe|Newsletter|Related|Recent|Read|More|By\b|\d{4}|Sign up|Follow/i.test(
      article.text,
    )
  ) {
    return unchanged;
  }
  const body = parseSanitizedBody(article.html);
  const cleaner = new Cleaner(meta.title, meta.author, countProse(body), meta.menus);
  walk(body, cleaner);
  if (cleaner.removals.length === 0) return unchanged;
  const followers = followingText(
    body,
    cleaner.removals.map((r) => r.el),
  );
  const passages = cleaner.removals.map(({ el, reason }) => ({ reason, text: squash(el.textContent ?? '') }));
  for (const { el } of cleaner.removals) if (el.isConnected) detach(el, body);
  const normalized = normalizeBlocks(body);
  if (normalized.text !== body.textContent || textContentOfHtml(normalized.html) !== normalized.text) return unchanged;
  const offsets = textOffsets(body);
  const removed = passages.map(({ reason, text }, i) => {
    const follower = followers[i];
    const at = follower && offsets.has(follower) ? offsets.get(follower)! : normalized.text.length;
    return { at, text, reason };
  });
  removed.sort((a, b) => a.at - b.at);
  return { html: normalized.html, text: normalized.text, removed, author: cleaner.author };
}
