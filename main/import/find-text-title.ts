// Finds the real title of a plain-text article. A web page saved as text usually opens with navigation
// ("Flashpoints", "Recent Features", "Security | Region") and repeats its headline two or three times
// (page title, heading, image caption); taking the first line blindly would title it "Flashpoints".

const HEAD_CHARS = 20_000;
const REPEAT_WINDOW = 15;
const FIRST_LINES = 10;

const NAV_WORDS =
  /^(?:home|menu|search|subscribe|sign in|sign up|log in|login|register|skip to (?:main )?content|recent features|features|latest|trending|share|share this|advertisement|sponsored|related|newsletter|follow us|close|print|email|comments?|next|previous|back|more|read more|top stories|most popular|main navigation|navigation|breadcrumbs?)$/i;

function cleanLine(line: string): string {
  return line.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

function looksLikeNavigation(line: string): boolean {
  return NAV_WORDS.test(line) || /\s[|›»•·]\s/.test(line) || /^(?:credit|photo|image|source|caption)\s*:/i.test(line);
}

function wordCount(line: string): number {
  return line.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Headline-shaped: 20–150 characters, 3–25 words, no final period, not navigation or a byline. */
export function isTitleLike(line: string): boolean {
  if (line.length < 20 || line.length > 150) return false;
  if (/[.:;,]$/.test(line)) return false;
  const words = wordCount(line);
  if (words < 3 || words > 25) return false;
  if (/^by\s/i.test(line)) return false;
  return !looksLikeNavigation(line);
}

/** The first non-empty lines of the text, whitespace-collapsed. */
function leadingLines(text: string, max = 40): string[] {
  const lines: string[] = [];
  for (const raw of text.slice(0, HEAD_CHARS).split(/\r\n|\r|\n/)) {
    const line = cleanLine(raw);
    if (line) lines.push(line);
    if (lines.length >= max) break;
  }
  return lines;
}

/**
 * The article's title, or null when the text gives no usable one (the caller then uses the file name).
 * Order: a headline-shaped line repeated near the top; else the first headline-shaped line in the first
 * lines; else the first line when it is short enough to be a title.
 */
export function findTextTitle(text: string): string | null {
  const lines = leadingLines(text);
  const window = lines.slice(0, REPEAT_WINDOW);
  const counts = new Map<string, number>();
  for (const line of window) counts.set(line.toLowerCase(), (counts.get(line.toLowerCase()) ?? 0) + 1);
  const repeated = window.find((l) => (counts.get(l.toLowerCase()) ?? 0) >= 2 && isTitleLike(l));
  if (repeated) return repeated;
  const headline = lines.slice(0, FIRST_LINES).find(isTitleLike);
  if (headline) return headline;
  const first = lines[0];
  if (first && first.length <= 150 && !/^by\s/i.test(first)) return first;
  return null;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATELINE = new RegExp(
  `(?:\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${MONTH}\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b)`,
  'i',
);

/** A "By Jane Doe" line near the top, or null. */
export function findTextByline(text: string): string | null {
  for (const line of leadingLines(text, 25)) {
    const m = /^by\s+(.{3,100})$/i.exec(line);
    if (m?.[1]) {
      const name = m[1].split(/\s[|•·]\s|,\s*(?=\d|\w+\s+\d)/)[0]!.trim();
      if (name && wordCount(name) <= 8) return name;
    }
  }
  return null;
}

/** A short dateline near the top ("March 28, 2024", "2024-03-28"), or null. Dates inside prose are ignored. */
export function findTextDate(text: string): string | null {
  for (const line of leadingLines(text, 25)) {
    if (line.length > 60) continue;
    const m = DATELINE.exec(line);
    if (m) return m[0];
  }
  return null;
}
