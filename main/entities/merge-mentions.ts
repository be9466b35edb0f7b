// Tagged name spans → person/organization/place entities: cleaned mentions grouped by
// normalised name, then joined by acronym definitions, "a.k.a." aliases and surnames.
import type { Entity, EntityType, Mention } from '../api/contract';
import { entityKey, normaliseName } from './normalise-name';
import type { Token } from './ner/tokenize';
import type { NerLabel, TaggedText } from './tag-text';

type NameType = Extract<EntityType, 'person' | 'organization' | 'place'>;

const LABEL_TYPE: Partial<Record<NerLabel, NameType>> = { PER: 'person', ORG: 'organization', LOC: 'place' };

/** Titles and ranks that are not part of a person's name (hand-written). */
const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister chancellor premier king queen ' +
    'prince princess pope rev reverend father sister brother gen general col colonel lt lieutenant maj major capt captain ' +
    'sgt sergeant cpl corporal pte private adm admiral cmdr commander gov governor sen senator rep representative congressman ' +
    'congresswoman judge justice mayor sheikh imam ayatollah mullah chairman chairwoman secretary ambassador director coach ' +
    'chief inspector detective agent marshal brig brigadier field emir sultan crown saint st dr.'
  ).split(' '),
);
const CONNECTORS = new Set(['of', 'and', 'for', 'the', '&', 'de', 'la', 'du', 'des', 'del', 'der', 'on', 'in']);
const ALIAS_MARKERS: string[][] = [['a.k.a.'], ['a.k.a'], ['aka'], ['alias'], ['also', 'known', 'as'], ['better', 'known', 'as'], ['otherwise', 'known', 'as']];
const ALIAS_FIRST = new Set(ALIAS_MARKERS.map((m) => m[0]!));
const PUNCT = /^[^\p{L}\p{N}]+$/u;
const CLITIC = /^['’](?:s|S)?$/;

interface Raw {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  group: number;
  /** Ordinary mentions name an entity; alias and acronym forms do not win the canonical name. */
  primary: boolean;
}

interface Group {
  type: NameType;
  norm: string;
  forms: Set<string>;
}

export interface MergeOptions {
  /** Also mark later occurrences of a found name that the tagger missed (default true). */
  propagate?: boolean;
}

export function mergeMentions(text: string, tagged: TaggedText, options: MergeOptions = {}): Entity[] {
  const { tokens } = tagged;
  const lows = tokens.map((t) => t.text.toLowerCase());
  const lower = (i: number): string => lows[i] ?? '';
  const groups: Group[] = [];
  const groupIndex = new Map<string, number>();
  const parent: number[] = [];
  const raws: Raw[] = [];

  const find = (g: number): number => {
    while (parent[g] !== g) {
      parent[g] = parent[parent[g]!]!;
      g = parent[g]!;
    }
    return g;
  };
  const union = (keep: number, other: number): void => {
    const a = find(keep);
    const b = find(other);
    if (a !== b) parent[b] = a;
  };
  const groupFor = (type: NameType, name: string): number => {
    const norm = normaliseName(name);
    const k = `${type}|${norm}`;
    let g = groupIndex.get(k);
    if (g === undefined) {
      g = groups.length;
      groups.push({ type, norm, forms: new Set() });
      parent.push(g);
      groupIndex.set(k, g);
    }
    return g;
  };
  const addRaw = (tokStart: number, tokEnd: number, type: NameType, primary: boolean): Raw => {
    const start = tokens[tokStart]!.start;
    const end = tokens[tokEnd - 1]!.end;
    const surface = text.slice(start, end);
    const raw = { start, end, tokStart, tokEnd, group: groupFor(type, surface), primary };
    groups[raw.group]!.forms.add(surface);
    raws.push(raw);
    return raw;
  };

  // 1. Clean the tagged spans: no punctuation, possessives or titles.
  const cleaned: Array<{ ts: number; te: number; type: NameType }> = [];
  for (const span of tagged.spans) {
    const type = LABEL_TYPE[span.label];
    if (!type) continue;
    let ts = span.tokenStart;
    let te = span.tokenEnd;
    while (ts < te && PUNCT.test(tokens[ts]!.text)) ts++;
    while (te > ts && (PUNCT.test(tokens[te - 1]!.text) || CLITIC.test(tokens[te - 1]!.text))) te--;
    if (type === 'person') while (te - ts > 1 && TITLES.has(lower(ts).replace(/\.$/, ''))) ts++;
    if (te <= ts) continue;
    cleaned.push({ ts, te, type });
  }
  // In a Title Case heading every word looks like a name; trust a name found there only
  // when the text also names it in an ordinary sentence.
  const heading = titleCaseTokens(text, tokens, tagged.sentences);
  const normOf = (c: { ts: number; te: number }): string => normaliseName(text.slice(tokens[c.ts]!.start, tokens[c.te - 1]!.end));
  const inProse = new Set(cleaned.filter((c) => !heading[c.ts]).map(normOf));
  // No majority vote on types: the same name may rightly be a place in one sentence
  // and a team (organization) in the next; on the dev data a vote cost 1.5 F1.
  for (const c of cleaned) if (!heading[c.ts] || inProse.has(normOf(c))) addRaw(c.ts, c.te, c.type, true);
  const byEnd = new Map<number, Raw>();
  const byStart = new Map<number, Raw>();
  const index = (): void => {
    byEnd.clear();
    byStart.clear();
    for (const r of raws) {
      byEnd.set(r.tokEnd, r);
      byStart.set(r.tokStart, r);
    }
  };
  index();

  // 2. Acronyms defined in the text: "Long Form (LF)".
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const acr = tokens[i + 1]!.text;
    if (!isAcronym(acr)) continue;
    let long: Raw | undefined = byEnd.get(i);
    if (long && !spellsAcronym(text.slice(long.start, long.end), acr)) long = undefined;
    if (!long) {
      const start = longFormStart(tokens, i, acr.replace(/[^\p{Lu}]/gu, ''));
      if (start < 0) continue;
      const acrGroup = groupIndex.get(`organization|${normaliseName(acr)}`) ?? [...groupIndex].find(([k]) => k.endsWith(`|${normaliseName(acr)}`))?.[1];
      // the spelled-out name replaces any pieces of it the tagger found
      for (let k = raws.length - 1; k >= 0; k--) if (raws[k]!.tokStart < i && raws[k]!.tokEnd > start) raws.splice(k, 1);
      long = addRaw(start, i, acrGroup !== undefined ? groups[acrGroup]!.type : 'organization', true);
      index();
    }
    const acrRaw = byStart.get(i + 1);
    if (acrRaw && acrRaw.tokEnd === i + 2) acrRaw.primary = false;
    const type = groups[long.group]!.type;
    const g = groupFor(type, acr);
    groups[g]!.forms.add(acr);
    union(long.group, g);
    for (const r of raws) if (groups[r.group]!.norm === normaliseName(acr)) union(long.group, r.group);
  }

  if (options.propagate !== false) {
    propagate(text, tagged, raws, groups, find);
    index();
  }

  // 3. Aliases: "Name, a.k.a. Other", "Name (also known as Other)", "Name alias Other".
  for (let i = 1; i < tokens.length; i++) {
    if (!ALIAS_FIRST.has(lows[i]!)) continue;
    const marker = ALIAS_MARKERS.find((m) => m.every((w, k) => lower(i + k) === w));
    if (!marker) continue;
    let a = i;
    while (a > 0 && a > i - 3 && PUNCT.test(tokens[a - 1]!.text) && !byEnd.has(a)) a--;
    const named = byEnd.get(a);
    if (!named) continue;
    let b = i + marker.length;
    while (b < tokens.length && (PUNCT.test(tokens[b]!.text) || lower(b) === 'the')) b++;
    let alias = byStart.get(b);
    if (!alias) {
      let e = b;
      while (e < tokens.length && /^\p{Lu}/u.test(tokens[e]!.text)) e++;
      if (e === b) continue;
      alias = addRaw(b, e, groups[named.group]!.type, false);
    }
    alias.primary = false;
    union(named.group, alias.group);
  }

  // 4. A surname alone joins the one full name it ends. (A majority vote on the types of
  // one-word names cost 0.2 F1 on the dev data, so the tagger's type otherwise stands.)
  const clusterWords = (type: NameType, pick: (words: string[]) => string): Map<string, Set<number>> => {
    const m = new Map<string, Set<number>>();
    groups.forEach((g, i) => {
      const words = g.norm.split(' ');
      if (g.type !== type || words.length < 2) return;
      const w = pick(words);
      const s = m.get(w) ?? new Set<number>();
      s.add(find(i));
      m.set(w, s);
    });
    return m;
  };
  const joinShort = (type: NameType, pick: (words: string[]) => string): void => {
    const full = clusterWords(type, pick);
    groups.forEach((g, i) => {
      if (g.norm.includes(' ')) return; // of any type: the tagger often calls a lone surname a place or team
      const targets = full.get(g.norm);
      if (targets && targets.size === 1) union([...targets][0]!, i);
    });
  };
  joinShort('person', (w) => w[w.length - 1]!);

  // 5. Later occurrences of a known name the tagger did not mark.
  if (options.propagate !== false) propagate(text, tagged, raws, groups, find);

  return buildEntities(text, raws, groups, find);
}

/**
 * 1 for tokens of Title Case headings: a line of its own, four or more longer words, nearly all capitalised
 * but not in capitals, small words in lower case, and no numbers (tables look alike).
 */
function titleCaseTokens(text: string, tokens: Token[], sentences: Array<[number, number]>): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (const [a, b] of sentences) {
    // a heading is a line of its own, without a full stop
    const last = tokens[b - 1]!;
    if (/^[.!?…]$/.test(last.text) || !/^[^\S\n]*(?:\n|$)/.test(text.slice(last.end, last.end + 80))) continue;
    let words = 0;
    let caps = 0;
    let upper = 0;
    let small = 0;
    let digits = false;
    for (let i = a; i < b && !digits; i++) {
      const t = tokens[i]!.text;
      if (/\d/.test(t)) digits = true;
      else if (HEADING_SMALL_WORDS.has(t)) small++;
      else if (t.length >= 4 && /^\p{L}+$/u.test(t)) {
        words++;
        if (/^\p{Lu}/u.test(t)) caps++;
        if (!/\p{Ll}/u.test(t)) upper++;
      }
    }
    if (!digits && small > 0 && words >= 4 && caps * 10 >= words * 8 && upper * 2 < words) out.fill(1, a, b);
  }
  return out;
}

const HEADING_SMALL_WORDS = new Set(['a', 'an', 'the', 'in', 'on', 'at', 'to', 'of', 'for', 'and', 'or', 'with', 'from', 'by', 'as', 'vs']);

function isAcronym(s: string): boolean {
  const letters = s.replace(/[.&]/g, '');
  return letters.length >= 2 && letters.length <= 10 && /^\p{Lu}[\p{Lu}\p{Ll}\d]*$/u.test(letters) && (letters.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** "Federal Bureau of Investigation" spells FBI: same first letter, letters in order. */
function spellsAcronym(longForm: string, acr: string): boolean {
  const letters = acr.replace(/[^\p{L}]/gu, '').toUpperCase();
  const caps = longForm.replace(/[^\p{Lu}]/gu, '');
  if (!letters || caps[0] !== letters[0] || longForm.replace(/[^\p{L}]/gu, '').length <= letters.length) return false;
  let k = 0;
  for (const ch of caps) if (ch === letters[k]) k++;
  return k === letters.length;
}

/** Token index where a long form spelled out by `letters` starts before `end`, or -1. */
function longFormStart(tokens: Token[], end: number, letters: string): number {
  let k = letters.length - 1;
  let i = end - 1;
  let start = -1;
  while (i >= 0 && k >= 0) {
    const t = tokens[i]!.text;
    if (CONNECTORS.has(t.toLowerCase()) && k < letters.length - 1) {
      i--;
      continue;
    }
    if (!/^\p{Lu}/u.test(t) || t[0]!.toUpperCase() !== letters[k]) return -1;
    start = i;
    k--;
    i--;
  }
  return k < 0 ? start : -1;
}

function propagate(text: string, tagged: TaggedText, raws: Raw[], groups: Group[], find: (g: number) => number): void {
  const { tokens } = tagged;
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    const root = find(i);
    for (const form of g.forms) {
      if (form.length < 2 || !/\p{Lu}/u.test(form)) continue;
      const prev = owner.get(form);
      owner.set(form, prev === undefined || find(prev) === root ? i : -1);
    }
  });
  const forms = [...owner].filter(([, g]) => g >= 0).map(([f]) => f);
  if (forms.length === 0) return;
  forms.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const covered = new Uint8Array(text.length + 1);
  for (const r of raws) covered.fill(1, r.start, r.end);
  // inside another kind of name ("the U.S. Open"), a known name is not a mention of itself
  for (const span of tagged.spans) covered.fill(1, span.start, span.end);
  const capital = (i: number): boolean => /^\p{Lu}/u.test(tokens[i]?.text ?? '');
  const sentenceStarts = new Set(tagged.sentences.map(([a]) => a));
  const tokenAt = new Int32Array(text.length + 1).fill(-1);
  const tokenEndAt = new Int32Array(text.length + 1).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    tokenAt[tokens[i]!.start] = i;
    tokenEndAt[tokens[i]!.end] = i;
  }
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered[start] || covered[end - 1]) continue;
    const ts = tokenAt[start]!;
    const te = tokenEndAt[end]!;
    if (ts < 0 || te < 0) continue;
    // next to another capitalised word it is probably part of a longer name
    if (capital(te + 1) || (capital(ts - 1) && !sentenceStarts.has(ts))) continue;
    const g = owner.get(m[0])!;
    raws.push({ start, end, tokStart: ts, tokEnd: te + 1, group: g, primary: true });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildEntities(text: string, raws: Raw[], groups: Group[], find: (g: number) => number): Entity[] {
  const clusters = new Map<number, Raw[]>();
  for (const r of raws) {
    const root = find(r.group);
    const list = clusters.get(root) ?? [];
    list.push(r);
    clusters.set(root, list);
  }
  const clusterForms = new Map<number, Set<string>>();
  groups.forEach((g, i) => {
    const root = find(i);
    const set = clusterForms.get(root) ?? new Set<string>();
    for (const f of g.forms) set.add(f);
    clusterForms.set(root, set);
  });
  const byKey = new Map<string, Entity>();
  for (const [root, list] of clusters) {
    list.sort((a, b) => a.start - b.start);
    const counts = new Map<string, { n: number; tokens: number; first: number; primary: boolean; type: NameType }>();
    for (const r of list) {
      const s = text.slice(r.start, r.end);
      const c = counts.get(s);
      if (c) {
        c.n++;
        c.primary ||= r.primary;
      } else counts.set(s, { n: 1, tokens: r.tokEnd - r.tokStart, first: r.start, primary: r.primary, type: groups[r.group]!.type });
    }
    let name = '';
    let best: { n: number; tokens: number; first: number; primary: boolean; type: NameType } | null = null;
    for (const [s, c] of counts) {
      const better =
        !best ||
        (c.primary !== best.primary ? c.primary : c.tokens !== best.tokens ? c.tokens > best.tokens : c.n !== best.n ? c.n > best.n : c.first < best.first);
      if (better) {
        best = c;
        name = s;
      }
    }
    if (!best) continue;
    const mentions: Mention[] = [];
    let lastEnd = -1;
    let lastStart = -1;
    for (const r of list) {
      if (r.start === lastStart && r.end === lastEnd) continue;
      mentions.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end) });
      lastStart = r.start;
      lastEnd = r.end;
    }
    const forms = new Set(clusterForms.get(root));
    forms.delete(name);
    const key = entityKey(best.type, name);
    const existing = byKey.get(key);
    if (existing) {
      existing.mentions = [...existing.mentions, ...mentions].sort((a, b) => a.start - b.start);
      existing.aliases = [...new Set([...existing.aliases, ...forms])].filter((f) => f !== existing.name);
    } else {
      byKey.set(key, { key, name, type: best.type, aliases: [...forms], mentions });
    }
  }
  return [...byKey.values()];
}
