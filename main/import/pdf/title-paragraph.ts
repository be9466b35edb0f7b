// Which of page 1's paragraphs is its title: the one that holds exactly the largest-type line(s)
// guessHeading found. The article writes it as a heading, so the reader can hide it under the
// title it already shows (as it does for an HTML page's own <h1>), and the export writes it as one.

/** Letters and digits only, case folded: the guess joins lines with a space, the paragraph mends hyphens. */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The index in `paragraphs` (page 1's, in reading order) of the first paragraph whose words are
 * those of `heading`, or null. A title that the paragraph builder split in two, or joined with a
 * line in the same type, matches none: it then stays as it is, a paragraph.
 */
export function titleParagraph(paragraphs: readonly string[], heading: string | null): number | null {
  if (heading === null) return null;
  const wanted = fold(heading);
  if (wanted === '') return null;
  const index = paragraphs.findIndex((p) => fold(p) === wanted);
  return index < 0 ? null : index;
}
