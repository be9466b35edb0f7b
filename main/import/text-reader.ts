// Reader mode for plain text: finds the article in a page saved or pasted as text. The headline and
// the article's run of paragraphs are found first; around them, navigation, breadcrumbs, section
// labels, repeated title and standfirst copies, share lines, "Related" lists, comments and ads are set
// aside (each with its reason, so the reader can show and restore it); the byline and dateline become
// metadata, a caption and its credit a figure caption, the standfirst is kept once.
import type { RemovalReason } from '../model/contract';
import { findTitleBlock } from './find-text-title';
import { countWordsIn, splitBlocks, squash, type TextBlock } from './text-blocks';
import {
  bylineOf,
  endsLikeSentence,
  findDate,
  hasInlineCredit,
  isAdBlock,
  isBreadcrumb,
  isCodeBlock,
  isCommentsLabel,
  isCreditLine,
  isDateLine,
  isFooterLine,
  isLinkList,
  isListBlock,
  isNavigationLine,
  isProse,
  isRelatedLabel,
  isRelatedLink,
  isShareLine,
  isToolArtefact,
  nameBeforeDate,
  stripBullet,
} from './text-shapes';

export type KeptRole = 'dek' | 'figure' | 'body';

export interface KeptItem {
  role: KeptRole;
  /** One block, or a caption and its credit line. */
  blocks: TextBlock[];
}

export interface RemovedBlock {
  block: TextBlock;
  reason: RemovalReason;
}

export interface TextReading {
  title: string | null;
  author: string | null;
  published: string | null;
  /** What stays, in reading order. */
  kept: KeptItem[];
  /** What was set aside, in source order. */
  removed: RemovedBlock[];
}

/**
 * How much non-prose may sit between two paragraphs of the same article (subheadings, photos, a pull
 * quote, a list of short links): measured in words, since one site menu is a single block of many.
 */
const MAX_GAP_WORDS = 80;
const MAX_GAP_BLOCKS = 25;

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where an article's paragraphs stop and the page around them resumes. */
function isHardBoundary(block: TextBlock): boolean {
  return isCommentsLabel(block.flat) || isRelatedLabel(block.flat) || (isFooterLine(block.flat) && !isProse(block));
}

interface Run {
  start: number;
  end: number;
  words: number;
  paragraphs: number;
  /** What ended the gap before this run: a heading like "Related" or "Comments", or nothing. */
  after: 'related' | 'hard' | null;
}

/**
 * The article's run of paragraphs: prose blocks close together with no comments, related or footer
 * heading between them. The first substantial run after the title wins (comments further down are
 * prose too, but they come after a "Comments" heading). A "Related" box inside the article splits it
 * in two: the part after it is joined back when its paragraphs are like the article's, not teasers.
 */
function findCore(blocks: readonly TextBlock[], from: number): { start: number; end: number } | null {
  const runs: Run[] = [];
  let run: Run | null = null;
  let boundary: Run['after'] = null;
  let gapWords = 0;
  let gapBlocks = 0;
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (isHardBoundary(block)) {
      run = null;
      boundary = boundary === 'hard' || !isRelatedLabel(block.flat) ? 'hard' : 'related';
      continue;
    }
    if (!isProse(block) || isCodeBlock(block)) {
      // Code in a programming article is part of it, however many "words" it has.
      if (!isCodeBlock(block)) gapWords += block.words;
      if (run && (gapWords > MAX_GAP_WORDS || ++gapBlocks > MAX_GAP_BLOCKS)) {
        run = null;
        boundary = 'hard';
      }
      continue;
    }
    gapWords = 0;
    gapBlocks = 0;
    if (!run) {
      runs.push((run = { start: i, end: i, words: 0, paragraphs: 0, after: boundary }));
      boundary = null;
    }
    run.end = i;
    run.words += block.words;
    run.paragraphs++;
  }
  if (runs.length === 0) return null;
  const most = Math.max(...runs.map((r) => r.words));
  let k = runs.findIndex((r) => r.words >= 0.5 * most);
  const core = { ...runs[k]! };
  const mean = core.words / core.paragraphs;
  for (let next = runs[++k]; next && next.after !== 'hard'; next = runs[++k]) {
    if (next.paragraphs < 2 || next.words / next.paragraphs < 0.6 * mean) break;
    core.end = next.end;
  }
  return core;
}

/** A short block ending like a sentence ("That was the end of it.") still belongs to the article. */
function isClosingSentence(block: TextBlock): boolean {
  return (
    block.words >= 2 &&
    endsLikeSentence(block.flat) &&
    !isShareLine(block.flat) &&
    !isAdBlock(block) &&
    !isFooterLine(block.flat) &&
    !isNavigationLine(block.flat)
  );
}

/** Why a block outside the article is not part of it (for "Show what was removed"). */
function reasonOutside(block: TextBlock, context: RemovalReason | null): RemovalReason {
  const flat = block.flat;
  if (isAdBlock(block)) return 'ad';
  if (isShareLine(flat) || (isListBlock(block) && block.lines.every((l) => isShareLine(stripBullet(squash(l)))))) {
    return 'share';
  }
  if (isRelatedLabel(flat) || isRelatedLink(flat)) return 'related';
  if (isCommentsLabel(flat)) return 'comments';
  if (isFooterLine(flat)) return 'footer';
  if (context) return context;
  if (isBreadcrumb(flat) || isNavigationLine(flat) || isLinkList(block) || isToolArtefact(flat)) return 'navigation';
  if (block.words <= 4 && block.lines.length === 1 && !endsLikeSentence(flat)) return 'label';
  return 'page';
}

function isChromeInBody(block: TextBlock): boolean {
  const flat = block.flat;
  return (
    isToolArtefact(flat) ||
    /^(?:advertisement|sponsored|continue reading|read more|skip (?:ad|advertisement)|ad)$/i.test(flat) ||
    isShareLine(flat) ||
    isRelatedLink(flat) ||
    isAdBlock(block) ||
    (isListBlock(block) && block.lines.every((l) => isShareLine(stripBullet(squash(l))) || isNavigationLine(squash(l))))
  );
}

class Reading {
  readonly kept: KeptItem[] = [];
  readonly removed: RemovedBlock[] = [];
  author: string | null = null;
  published: string | null = null;
  dek: string | null = null;

  constructor(
    readonly blocks: readonly TextBlock[],
    readonly title: string | null,
  ) {}

  remove(block: TextBlock, reason: RemovalReason): void {
    this.removed.push({ block, reason });
  }

  keep(role: KeptRole, ...blocks: TextBlock[]): void {
    this.kept.push({ role, blocks });
  }

  isTitleCopy(block: TextBlock): boolean {
    if (!this.title) return false;
    const f = fold(block.flat);
    const t = fold(this.title);
    return f === t || (f.startsWith(t + ' ') && countWordsIn(f.slice(t.length)) <= 6 && block.lines.length === 1);
  }

  /** A byline or dateline: metadata, not body text. Returns the reason when it is one. */
  takeMetadata(block: TextBlock): RemovalReason | null {
    if (block.lines.length > 3 || block.words > 30) return null;
    const name = bylineOf(block.flat) ?? nameBeforeDate(block.flat);
    if (name) {
      this.author ??= name;
      this.published ??= findDate(block.flat);
      return 'byline';
    }
    if (isDateLine(block.flat)) {
      this.published ??= findDate(block.flat);
      return 'dateline';
    }
    return null;
  }

  /** A caption followed by its credit line, or a caption with the credit inside: one figure. Returns blocks used. */
  takeFigure(i: number, end: number): number {
    const block = this.blocks[i]!;
    const next = i + 1 <= end ? this.blocks[i + 1] : undefined;
    if (next && isCreditLine(next.flat) && block.words <= 80 && !isCreditLine(block.flat) && !isListBlock(block)) {
      this.keep('figure', block, next);
      return 2;
    }
    if (isCreditLine(block.flat) || (hasInlineCredit(block.flat) && block.words <= 60)) {
      this.keep('figure', block);
      return 1;
    }
    return 0;
  }

  /** Between the headline and the first paragraph: the standfirst, a photo, the byline, labels. */
  header(from: number, to: number): void {
    for (let i = from; i < to;) {
      const block = this.blocks[i]!;
      const used = this.takeFigure(i, to - 1);
      if (used) {
        i += used;
        continue;
      }
      i++;
      const meta = this.takeMetadata(block);
      if (meta) this.remove(block, meta);
      else if (this.isTitleCopy(block) || (this.dek && fold(block.flat) === fold(this.dek)))
        this.remove(block, 'repeat');
      else if (isChromeInBody(block) || isBreadcrumb(block.flat) || isNavigationLine(block.flat) || isLinkList(block)) {
        this.remove(block, reasonOutside(block, null));
      } else if (!this.dek && block.words >= 6 && block.words <= 80 && !isListBlock(block)) {
        this.dek = block.flat;
        this.keep('dek', block);
      } else if (block.words <= 6 && !endsLikeSentence(block.flat)) this.remove(block, 'label');
      else this.keep('body', block);
    }
  }

  body(from: number, to: number): void {
    let inRelated = false;
    for (let i = from; i <= to;) {
      const block = this.blocks[i]!;
      if (inRelated && !isProse(block)) {
        this.remove(block, 'related');
        i++;
        continue;
      }
      inRelated = false;
      const used = this.takeFigure(i, to);
      if (used) {
        i += used;
        continue;
      }
      i++;
      const meta = i - from <= 3 ? this.takeMetadata(block) : null;
      if (meta) this.remove(block, meta);
      else if (this.isTitleCopy(block) || (this.dek && fold(block.flat) === fold(this.dek)))
        this.remove(block, 'repeat');
      else if (isRelatedLabel(block.flat)) {
        this.remove(block, 'related');
        inRelated = true;
      } else if (isChromeInBody(block)) this.remove(block, reasonOutside(block, null));
      else this.keep('body', block);
    }
  }

  /** Everything after the article: ads, related lists, comments, the footer. */
  trailer(from: number): void {
    let context: RemovalReason | null = null;
    for (let i = from; i < this.blocks.length; i++) {
      const block = this.blocks[i]!;
      const reason = reasonOutside(block, context);
      if (reason === 'related' || reason === 'comments' || reason === 'footer') context = reason;
      this.remove(block, reason);
    }
  }
}

/** A byline, a dateline, a share line, a photo credit or a copy of the title: the page's header. */
function isHeaderMatter(block: TextBlock, reading: Reading): boolean {
  const flat = block.flat;
  return (
    block.lines.length <= 3 &&
    (bylineOf(flat) !== null ||
      nameBeforeDate(flat) !== null ||
      isDateLine(flat) ||
      isShareLine(flat) ||
      isCreditLine(flat) ||
      reading.isTitleCopy(block))
  );
}

/**
 * Where the article's own paragraphs begin. A standfirst is prose too, so the first paragraph found may
 * be it: when header matter (a byline, a photo credit) follows within a few blocks, the article begins
 * after that.
 */
function headerEnd(blocks: readonly TextBlock[], start: number, reading: Reading): number {
  let last = -1;
  for (let j = start; j < Math.min(blocks.length, start + 8); j++) {
    if (isHeaderMatter(blocks[j]!, reading)) last = j;
    else if (isProse(blocks[j]!) && j > start && blocks[j]!.words > 60) break;
  }
  if (last < 0) return start;
  for (let j = last + 1; j < blocks.length; j++) if (isProse(blocks[j]!)) return j;
  return start;
}

/** Reads a plain-text article. Pure; linear in the text's length but for the headline search near the top. */
export function readText(text: string, fileName?: string): TextReading {
  const blocks = splitBlocks(text);
  const found = findTitleBlock(blocks, fileName);
  const ti = found?.index ?? -1;
  const reading = new Reading(blocks, found?.title ?? null);
  const core = findCore(blocks, ti + 1);

  for (let i = 0; i < ti; i++) reading.remove(blocks[i]!, reasonOutside(blocks[i]!, null));
  if (ti >= 0) reading.remove(blocks[ti]!, 'title');
  if (!core) {
    // No run of paragraphs (a note, a list, a poem): nothing is judged page furniture but the obvious.
    reading.body(ti + 1, blocks.length - 1);
    return finish(reading);
  }
  const start = headerEnd(blocks, core.start, reading);
  let end = Math.max(core.end, start);
  while (end + 1 < blocks.length && isClosingSentence(blocks[end + 1]!) && !isHardBoundary(blocks[end + 1]!)) end++;
  reading.header(ti + 1, start);
  reading.body(start, end);
  reading.trailer(end + 1);
  return finish(reading);
}

function finish(reading: Reading): TextReading {
  reading.removed.sort((a, b) => a.block.start - b.block.start);
  return {
    title: reading.title,
    author: reading.author,
    published: reading.published,
    kept: reading.kept,
    removed: reading.removed,
  };
}
