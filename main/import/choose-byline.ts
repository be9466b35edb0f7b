// The byline a person would write down: the writer's names. Never "By" alone, a date, "Written by …
// on … 51 Comments", a link, or the publisher ("Condé Nast") where the page names a writer too.
import { cleanNames } from './text-shapes';

const PUBLISHER_WORDS =
  /\b(?:inc|llc|ltd|gmbh|plc|media|publications?|publishing|group|press|newspapers?|magazines?|cond[eé] nast|corporation|company|network|newsroom|staff|editors|editorial|team|agency)\b\.?$/iu;

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A raw byline ("By JANE DOE | Updated 3 March 2024", "Written by A and B on …") → the names, or null. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // The names are on the first line; a second line is the desk or the paper ("WebMD Health News").
  const s =
    raw
      .replace(
        /^\s*(?:(?:written|posted|words|story|text|reporting|reported|photos?)\s+)?(?:by|von|par|por|door)(?:[:\s]+|$)/i,
        '',
      )
      .replace(/^\s*(?:author|autor|auteur)\s*:\s*/i, '')
      .split(/\s*\n\s*/)
      .find((line) => line.trim() !== '')
      ?.replace(/\s+/g, ' ')
      .trim() ?? '';
  if (s.length > 200 || /^https?:|^www\./i.test(s)) return null;
  return cleanNames(s);
}

/** The first candidate that names a writer; a publisher only when nothing else is named. */
export function chooseByline(
  candidates: readonly (string | null | undefined)[],
  publishers: readonly string[],
): string | null {
  const cleaned = candidates.map(cleanByline).filter((c): c is string => c !== null);
  const isPublisher = (name: string) =>
    PUBLISHER_WORDS.test(name) ||
    publishers.some((p) => fold(p) !== '' && (fold(p).includes(fold(name)) || fold(name).includes(fold(p))));
  return cleaned.find((c) => !isPublisher(c)) ?? cleaned[0] ?? null;
}
