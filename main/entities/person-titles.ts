// Titles, ranks and honorifics that come before a person's name and are not part of it:
// "Rear Admiral", "Lieutenant General", "Foreign Minister", "Chief of Staff", "Dr.", "Sheikh".
// Hand-written lists.

/** Words that are a title on their own. */
const TITLE = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady president minister chancellor premier king queen prince princess ' +
    'pope cardinal archbishop bishop rabbi rev reverend father sister brother pastor gen general col colonel lt lieutenant maj major ' +
    'capt captain sgt sergeant cpl corporal pte private adm admiral commodore cmdr commander brig brigadier marshal gov governor ' +
    'sen senator rep representative congressman congresswoman judge justice mayor ambassador envoy sheikh shaikh imam ayatollah ' +
    'mullah maulana mawlana mufti hajji haji emir amir sultan chairman chairwoman chairperson secretary director coach chief ' +
    'inspector detective agent superintendent constable spokesman spokeswoman spokesperson commissioner'
  ).split(' '),
);

/** Words that only qualify a following title: "Rear Admiral", "Foreign Minister", "Deputy Chief of Staff". */
const QUALIFIER = new Set(
  (
    'rear vice deputy acting former interim assistant associate senior junior prime field staff grand supreme first second ' +
    'foreign defence defense interior finance home health justice education trade energy economy state attorney army navy ' +
    'naval air police military regional provincial district chief lance flight petty warrant master affairs'
  ).split(' '),
);

/**
 * Titles sure enough to make a person of the name after them even when the tagger said
 * organization or place ("Rear Admiral X" tagged as an organization); "General" and "Major"
 * alone also start "General Motors" and "Major League", so they need a name of two words.
 */
const STRONG = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame president minister senator sen governor gov mayor ambassador colonel col ' +
    'captain capt admiral adm commodore commander cmdr lieutenant lt sergeant sgt corporal cpl brigadier brig marshal ' +
    'sheikh shaikh imam maulana mawlana mullah ayatollah mufti rev reverend congressman congresswoman'
  ).split(' '),
);
const NEEDS_TWO_WORDS = new Set(['general', 'gen', 'major', 'maj']);

const bare = (word: string): string => word.toLowerCase().replace(/\.$/, '');

/**
 * How many of `words` (from the first) are a title: a run of titles and qualifiers ending
 * in a title, with "of" allowed between them ("Chief of Staff"); never all of them.
 */
export function titleLength(words: readonly string[]): number {
  let n = 0;
  let afterOf = false;
  for (let i = 0; i < words.length - 1; i++) {
    const w = bare(words[i]!);
    if (TITLE.has(w)) {
      n = i + 1;
      afterOf = false;
    } else if (QUALIFIER.has(w)) {
      if (afterOf) n = i + 1;
    } else if (w === 'of' && n > 0) afterOf = true;
    else break;
  }
  return n;
}

/**
 * True when `words` (the title) make whatever follows a person: the last title word is a
 * strong one, or "General"/"Major" with a name of two words or more after it.
 */
export function titleMakesPerson(title: readonly string[], nameWords: number): boolean {
  if (title.length === 0 || nameWords === 0) return false;
  const last = bare(title[title.length - 1]!);
  if (STRONG.has(last)) return true;
  if (NEEDS_TWO_WORDS.has(last)) return nameWords >= 2 || title.length >= 2;
  return false;
}
