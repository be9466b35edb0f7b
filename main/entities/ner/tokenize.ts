// Raw text → tokens with exact string offsets, split roughly the Penn Treebank way
// so the tagger sees the same kind of tokens it was trained on.

export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE =
  /[\p{L}\p{M}\p{N}]+(?:(?:[-.&/'’_]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*|['’](?:[sSdDmM]|re|ve|ll|RE|VE|LL)(?![\p{L}\p{N}])|\.{2,}|-{2,}|\S/gu;

const CLITIC_RE = /^(.*[\p{L}\p{N}])(['’](?:[sSdDmM]|re|ve|ll|RE|VE|LL))$/u;
const NT_RE = /^(.*\p{L})([nN]['’][tT])$/u;

/** Lowercased abbreviations that keep their period (hand-written, not from any data set). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt maj capt sgt cpl adm cmdr gov sen rep rev fr st mt ft jr sr ' +
    'inc corp co ltd bros plc llc no vs etc al approx dept univ assn ave blvd rd est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'u.s u.k u.n e.g i.e a.m p.m a.k.a'
  ).split(' '),
);

function keepsPeriod(word: string): boolean {
  if (/^\p{L}$/u.test(word)) return true; // an initial: "J."
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.k.a"
  return ABBREVIATIONS.has(word.toLowerCase());
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const word = m[0];
    const start = m.index;
    let end = start + word.length;
    const first = word.charCodeAt(0);
    const wordLike = word.length > 1 || /[\p{L}\p{N}]/u.test(word);
    if (!wordLike || first === 39 || first === 0x2019) {
      out.push({ text: word, start, end });
      continue;
    }
    const clitic = CLITIC_RE.exec(word) ?? NT_RE.exec(word);
    if (clitic && clitic[1] && clitic[2]) {
      const headEnd = start + clitic[1].length;
      out.push({ text: clitic[1], start, end: headEnd });
      out.push({ text: clitic[2], start: headEnd, end });
      continue;
    }
    if (text.charCodeAt(end) === 46 && text.charCodeAt(end + 1) !== 46 && keepsPeriod(word)) {
      end += 1;
      TOKEN_RE.lastIndex = end;
      out.push({ text: word + '.', start, end });
      continue;
    }
    out.push({ text: word, start, end });
  }
  return out;
}

const SENTENCE_END = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/** Splits tokens into sentences; returns [startIndex, endIndex) pairs over `tokens`. */
export function splitSentences(text: string, tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let begin = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1]!;
    let boundary = false;
    const gap = text.slice(tok.end, next.start);
    const nextLower = /^\p{Ll}/u.test(next.text);
    if (gap.includes('\n')) {
      boundary = !nextLower || /\n\s*\n/.test(gap);
    } else if (SENTENCE_END.has(tok.text) && !nextLower && !CLOSERS.has(next.text)) {
      boundary = gap.length > 0;
    } else if (CLOSERS.has(tok.text) && i > begin && SENTENCE_END.has(tokens[i - 1]!.text) && !nextLower) {
      boundary = gap.length > 0 && /^\p{Lu}/u.test(next.text);
    }
    if (boundary) {
      out.push([begin, i + 1]);
      begin = i + 1;
    }
  }
  if (begin < tokens.length) out.push([begin, tokens.length]);
  return out;
}
