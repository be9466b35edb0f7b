/**
 * Where the code span opened by a run of `len` backticks closes: the next run of
 * exactly that length (CommonMark), or -1 when none does and the run is literal.
 */
export function findCodeSpanEnd(text: string, from: number, len: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === len) return m.index;
  }
  return -1;
}
