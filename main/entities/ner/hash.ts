// FNV-1a over UTF-16 code units: the model stores hashed feature weights, never feature strings.

export function fnvStart(seed: number): number {
  return Math.imul(0x811c9dc5 ^ seed, 16777619) >>> 0;
}

export function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

export function fnvSep(h: number): number {
  return Math.imul(h ^ 0x1f, 16777619) >>> 0;
}
