// The sentence around a mention, for the hover text of figures and dates. The
// backend has the extractor's own splitter; this lighter one is good enough for
// a tooltip and keeps the renderer free of the NER code.

const MAX = 400;

export function sentenceAt(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0) {
    const c = text[a - 1]!;
    if (c === '\n') break;
    if (/[.!?]/.test(c) && /\s/.test(text[a] ?? '') && !isAbbreviation(text, a - 1)) break;
    a--;
  }
  let b = end;
  while (b < text.length) {
    const c = text[b]!;
    if (c === '\n') break;
    b++;
    if (/[.!?]/.test(c) && /[\s"”’)]|$/.test(text[b] ?? '') && !isAbbreviation(text, b - 1)) {
      while (b < text.length && /["”’)]/.test(text[b]!)) b++;
      break;
    }
  }
  const sentence = text.slice(a, b).trim();
  return sentence.length > MAX ? `${sentence.slice(0, MAX - 1)}…` : sentence;
}

/** "Dr." or "U.N." — a period that does not end the sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  return (
    /^(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Jr|Sr|vs|etc|No)$/i.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)
  );
}
