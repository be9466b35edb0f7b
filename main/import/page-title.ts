// Gloss's title convention (README, "Using Gloss"): an article's title is its headline. A page title
// often adds the site's name after a separator ("Headline | Site", "Headline - HelloGiggles",
// "Headline – My website"); the site goes in `site`, and the title keeps the headline only.

const SEPARATOR = /\s+(?:\||-|–|—|·|•|::|»|\/)\s+|\s+(?=\[[^\]]+\]$)/gu;
const DASH = /^\s+[–—]\s+$/u;

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .trim();
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** "www.ehow.co.uk" → ["ehow"], the names a site goes by in its host. */
function hostNames(host: string | null): string[] {
  if (!host) return [];
  const labels = host.replace(/^www\d?\./, '').split('.');
  return [fold(labels.join('')), fold(labels[0] ?? '')].filter((n) => n.length >= 3);
}

/** The site is named by `part`: its name, or the name in its address. */
function namesSite(part: string, site: string | null, host: string | null): boolean {
  const p = fold(part.replace(/^\[|\]$/g, ''));
  if (!p) return false;
  if (site && fold(site) === p) return true;
  return hostNames(host).some((n) => n === p || (p.startsWith(n) && p.length - n.length <= 4));
}

export interface TitleContext {
  site: string | null;
  /** The page's address, for the site's name in its host. */
  host: string | null;
  /** The page's h1 and h2 texts: a heading equal to part of the title shows where the headline is. */
  headings: readonly string[];
}

/**
 * The headline from a page title: a trailing (or leading) part naming the site is dropped; so is a
 * short part after an en or em dash that no heading repeats ("Lorem ipsum – My website").
 */
export function headlineOf(title: string, context: TitleContext): string {
  const trimmed = title.replace(/\s+/g, ' ').trim();
  const parts: { text: string; sep: string }[] = [];
  let last = 0;
  for (const m of trimmed.matchAll(SEPARATOR)) {
    parts.push({ text: trimmed.slice(last, m.index), sep: m[0] });
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return trimmed;
  const tail = trimmed.slice(last);
  const head = trimmed.slice(0, trimmed.length - tail.length - parts.at(-1)!.sep.length).trim();
  const headings = new Set(context.headings.map(fold));
  if (words(head) >= 2 && namesSite(tail, context.site, context.host)) return head;
  if (words(head) >= 2 && headings.has(fold(head)) && !headings.has(fold(trimmed))) return head;
  if (DASH.test(parts.at(-1)!.sep) && words(head) >= 3 && words(tail) <= 3 && !headings.has(fold(trimmed))) return head;
  // "Site | Headline": the site first.
  const first = parts[0]!;
  const rest = trimmed.slice(first.text.length + first.sep.length).trim();
  if (words(rest) >= 3 && namesSite(first.text, context.site, context.host)) return rest;
  return trimmed;
}
