// Turns the sentinels turndown passed through into `==` marks and `[^n]`
// footnote references.
//
// A `==` only works when CommonMark's flanking rules let it open or close
// (e.g. `John==’s==` does not parse: the opener sits between a letter and
// punctuation). A pair that would not parse is left out instead of leaving
// stray `==` in the text: the text renders exactly, the highlight's footnote
// and embedded data still carry it.
import { CLOSE, OPEN } from './highlight-sentinels';

const FOOTNOTE_RE = /\uE002(\d+)\uE003/g;

export function replaceSentinels(markdown: string): string {
  let s = markdown;
  // Footnote refs hug the closing mark; marks hug their text.
  s = s.replace(/\uE001([ \t]+)((?:\uE002\d+\uE003)+)/g, '\uE001$2$1');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/\uE000(\s+)/g, '$1\uE000').replace(/(\s+)\uE001/g, '\uE001$1');
  }
  s = s.replace(/\uE000\uE001/g, '');

  // Built as parts: reading a character back from a long concatenated string flattens it each time.
  const out: string[] = [];
  let i = 0;
  // When a mark closes right where the next opens, markdown-it sees one `====`
  // run whose neighbours are the two contents' edge characters.
  let prevLast: string | null = null;
  while (i < s.length) {
    const open = s.indexOf(OPEN, i);
    if (open < 0) break;
    let close = s.indexOf(CLOSE, open + 1);
    if (close < 0) break;
    // Where one mark closes and the next opens, `====` must both close and open;
    // when it cannot (e.g. `a<====b`), the two marks are joined into one.
    while (s[close + 1] === OPEN) {
      const l = s[close - 1] ?? ' ';
      const n = s[close + 2] ?? ' ';
      if (canClose(l, n) && canOpen(l, n)) break;
      const nextClose = s.indexOf(CLOSE, close + 2);
      if (nextClose < 0) break;
      close = nextClose;
    }
    out.push(s.slice(i, open));
    const content = s.slice(open + 1, close).replace(/[\uE000\uE001]/g, '');
    const tail = open > i ? s[open - 1]! : (prevLast ?? ' ');
    const before = tail === '\uE003' ? ']' : tail;
    const afterRaw = s[close + 1];
    let after = afterRaw === undefined ? ' ' : afterRaw === '\uE002' ? '[' : afterRaw;
    if (afterRaw === OPEN) after = s[close + 2] ?? ' ';
    const first = content[0];
    const lastChar = content[content.length - 1];
    if (first !== undefined && lastChar !== undefined && canOpen(before, first) && canClose(lastChar, after)) {
      out.push('==', content, '==');
    } else {
      out.push(...shiftedMark(content, before, after));
    }
    prevLast = lastChar ?? null;
    i = close + 1;
  }
  out.push(s.slice(i));
  return out
    .join('')
    .replace(/[\uE000\uE001]/g, '')
    .replace(FOOTNOTE_RE, '[^$1]');
}

// Text a delimiter may step over: an escaped character, a character reference,
// or punctuation and spaces that are not Markdown syntax here (syntax in the
// content is the article's formatting, which a mark must nest around).
const SKIPPABLE = /^(?:\\[!-/:-@[-`{-~]|&#?[A-Za-z0-9]+;|[^\p{L}\p{N}*_[\]`<>()!~\\&])/u;

/**
 * Where `==` cannot open before the content's first character (a highlight
 * starting on punctuation right after a letter: `end==. This==`), or close
 * after its last, the delimiters move inward over punctuation and spaces
 * until they can (`end. ==This==`), so the words are marked. The footnote and
 * the data block still give the exact range.
 */
function shiftedMark(content: string, before: string, after: string): string[] {
  let head = 0;
  let prev = before;
  while (head < content.length && !canOpen(prev, content[head]!)) {
    const step = SKIPPABLE.exec(content.slice(head))?.[0];
    if (!step) return [content];
    prev = step[step.length - 1]!;
    head += step.length;
  }
  let tail = content.length;
  let next = after;
  const tokens: Array<[number, number]> = [];
  for (let i = head; i < content.length;) {
    const len = SKIPPABLE.exec(content.slice(i))?.[0].length ?? 1;
    tokens.push([i, i + len]);
    i += len;
  }
  while (tail > head && !canClose(content[tail - 1]!, next)) {
    const token = tokens.pop();
    if (!token || !SKIPPABLE.test(content.slice(token[0], token[1]))) return [content];
    next = content[token[0]]!;
    tail = token[0];
  }
  if (tail <= head || !/[\p{L}\p{N}]/u.test(content.slice(head, tail))) return [content];
  return [content.slice(0, head), '==', content.slice(head, tail), '==', content.slice(tail)];
}

function isWhite(c: string): boolean {
  return /[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/.test(c);
}

function isPunct(c: string): boolean {
  return /[\p{P}\p{S}]/u.test(c);
}

// markdown-it's scanDelims with canSplitWord = true, as markdown-it-mark uses it.
function canOpen(last: string, next: string): boolean {
  return !isWhite(next) && (!isPunct(next) || isWhite(last) || isPunct(last));
}

function canClose(last: string, next: string): boolean {
  return !isWhite(last) && (!isPunct(last) || isWhite(next) || isPunct(next));
}
