// Tagged name spans → person/organization/place entities: cleaned mentions (clean-spans)
// grouped by normalized name, then joined by acronyms (defined in the text, or the initials
// of a name found elsewhere), "a.k.a." aliases and surnames alone.
import type { Entity, Mention } from '../api/contract';
import { acronymLetters, longFormStart, spellsAcronym } from './acronyms';
import { cleanSpans, type NameType } from './clean-spans';
import { entityKey, normalizeName } from './normalize-name';
import type { Token } from './ner/tokenize';
import { isLoneName, surnameKeys } from './surname-keys';
import type { TaggedText } from './tag-text';
import { voteTypes } from './vote-types';

const ALIAS_MARKERS: string[][] = [
  ['a.k.a.'],
  ['a.k.a'],
  ['aka'],
  ['alias'],
  ['also', 'known', 'as'],
  ['better', 'known', 'as'],
  ['otherwise', 'known', 'as'],
];
const ALIAS_FIRST = new Set(ALIAS_MARKERS.map((m) => m[0]!));
const PUNCT = /^[^\p{L}\p{N}]+$/u;

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
  // the same names come back again and again: normalize each spelling once
  const normMemo = new Map<string, string>();
  const normOfName = (name: string): string => {
    let n = normMemo.get(name);
    if (n === undefined) {
      n = normalizeName(name);
      normMemo.set(name, n);
    }
    return n;
  };
  const wordsOf = (a: number, b: number): string[] => tokens.slice(a, b).map((t) => t.text);
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
    const norm = normOfName(name);
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

  // 1. Clean the tagged spans (punctuation, possessives, titles), then let the mentions of
  // one name vote on its type where the tagger called it a person in some places only.
  const cleaned = voteTypes(text, tokens, cleanSpans(text, tagged), normOfName);
  // In a Title Case heading every word looks like a name; trust a name found there only
  // when the text also names it in an ordinary sentence.
  const heading = titleCaseTokens(text, tokens, tagged.sentences);
  const normOf = (c: { ts: number; te: number }): string =>
    normOfName(text.slice(tokens[c.ts]!.start, tokens[c.te - 1]!.end));
  const inProse = new Set(cleaned.filter((c) => !heading[c.ts]).map(normOf));
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

  // 2. Acronyms defined in the text: "Long Form (LF)", "Long Form of Place (LF-Place)".
  const miscAt = new Set(
    tagged.spans.filter((s) => s.label === 'MISC' && s.tokenEnd === s.tokenStart + 1).map((s) => s.tokenStart),
  );
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const acr = tokens[i + 1]!.text;
    const letters = acronymLetters(acr);
    if (!letters) continue;
    let long: Raw | undefined = byEnd.get(i);
    // a tagged name that holds the spelled-out form keeps the tagger's bounds
    if (long && !spellsAcronym(withoutSuffix(wordsOf(long.tokStart, long.tokEnd), acr), letters)) {
      if (
        !capitalsSpell(text.slice(long.start, long.end), letters) &&
        longFormStart(tokens, i, letters, long.tokStart) < 0
      )
        long = undefined;
    }
    if (!long) {
      const start = longFormStart(tokens, i, letters, 0);
      if (start < 0) continue;
      const acrNorm = normalizeName(acr);
      const acrGroup =
        groupIndex.get(`organization|${acrNorm}`) ?? [...groupIndex].find(([k]) => k.endsWith(`|${acrNorm}`))?.[1];
      // the spelled-out name replaces any pieces of it the tagger found
      for (let k = raws.length - 1; k >= 0; k--)
        if (raws[k]!.tokStart < i && raws[k]!.tokEnd > start) raws.splice(k, 1);
      long = addRaw(start, i, acrGroup !== undefined ? groups[acrGroup]!.type : 'organization', true);
      index();
    }
    const type = groups[long.group]!.type;
    let acrRaw = byStart.get(i + 1);
    // "FIU-Benin", which the tagger calls MISC, is still a mention of the name it stands for
    if ((!acrRaw || acrRaw.tokEnd !== i + 2) && miscAt.has(i + 1) && acr.length > letters.length + 1) {
      acrRaw = addRaw(i + 1, i + 2, type, false);
      index();
    }
    if (acrRaw) {
      acrRaw.primary = false;
      union(long.group, acrRaw.group);
    } else {
      const g = groupFor(type, acr);
      groups[g]!.forms.add(acr);
      union(long.group, g);
    }
    const joins = new Set([normalizeName(acr), normalizeName(letters)]);
    for (const r of raws) if (joins.has(groups[r.group]!.norm)) union(long.group, r.group);
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

  // 4. An acronym the text never defines joins the one name whose initials it is ("U.S.").
  joinInitials(groups, find, union);

  // 5. A surname alone ("Okonkwo-Harris", "al-Muhajir", "van der Berg") joins the one full
  // name it ends, whatever type the tagger gave the lone surname.
  const bySurname = new Map<string, Set<number>>();
  const ambiguous = new Map<number, Set<number>>();
  groups.forEach((g, i) => {
    if (g.type !== 'person') return;
    for (const form of g.forms) {
      for (const k of surnameKeys(form)) {
        const s = bySurname.get(k) ?? new Set<number>();
        s.add(find(i));
        bySurname.set(k, s);
      }
    }
  });
  groups.forEach((g, i) => {
    const targets = bySurname.get(g.norm);
    if (!targets || ![...g.forms].some(isLoneName)) return;
    if (targets.size === 1) union([...targets][0]!, i);
    else if (g.type === 'person') ambiguous.set(i, targets);
  });
  if (ambiguous.size > 0) {
    nearestFullName(raws, ambiguous, find);
    // not a name to look for again: which person it means depends on where it stands
    for (const i of ambiguous.keys()) groups[i]!.forms.clear();
  }
  // the tagger calls some surnames MISC ("al-Rashidi"): those join too
  const taken = new Set(raws.map((r) => r.tokStart));
  for (const span of tagged.spans) {
    if (span.label !== 'MISC' || taken.has(span.tokenStart)) continue;
    const surface = text.slice(span.start, span.end);
    const targets = bySurname.get(normalizeName(surface));
    if (!targets || targets.size !== 1 || !isLoneName(surface)) continue;
    const raw = addRaw(span.tokenStart, span.tokenEnd, 'person', true);
    union([...targets][0]!, raw.group);
  }

  // 6. Later occurrences of a known name the tagger did not mark.
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

const HEADING_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'at',
  'to',
  'of',
  'for',
  'and',
  'or',
  'with',
  'from',
  'by',
  'as',
  'vs',
]);

/** "Federal Bureau of Investigation" spells FBI: same first letter, capitals in order. */
function capitalsSpell(longForm: string, letters: string): boolean {
  const want = letters.toUpperCase();
  const caps = longForm.replace(/[^\p{Lu}]/gu, '');
  if (caps[0] !== want[0] || longForm.replace(/[^\p{L}]/gu, '').length <= want.length) return false;
  let k = 0;
  for (const ch of caps) if (ch === want[k]) k++;
  return k === want.length;
}

/** "Financial Intelligence Unit of Benin" spells "FIU-Benin" as "Financial Intelligence Unit". */
function withoutSuffix(words: string[], acr: string): string[] {
  const suffix = /[-‐‑]([\p{L}]+)$/u.exec(acr)?.[1];
  const n = words.length;
  if (!suffix || n < 3 || words[n - 1] !== suffix || !/^(?:of|in|for)$/i.test(words[n - 2]!)) return words;
  return words.slice(0, n - 2);
}

/**
 * A surname that ends two full names ("Maria Okafor", "Chidi Okafor") means, at each
 * mention, the one named last before it (or first after it, if none was named before).
 */
function nearestFullName(raws: Raw[], ambiguous: Map<number, Set<number>>, find: (g: number) => number): void {
  const wanted = new Set<number>();
  for (const roots of ambiguous.values()) for (const r of roots) wanted.add(r);
  const byRoot = new Map<number, Raw[]>();
  for (const r of raws) {
    const root = find(r.group);
    if (!wanted.has(root) || ambiguous.has(r.group)) continue;
    const list = byRoot.get(root) ?? [];
    list.push(r);
    byRoot.set(root, list);
  }
  for (const list of byRoot.values()) list.sort((a, b) => a.start - b.start);
  for (const r of raws) {
    const roots = ambiguous.get(r.group);
    if (!roots) continue;
    let best: Raw | undefined;
    let bestAfter: Raw | undefined;
    for (const root of roots) {
      const list = byRoot.get(root);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.start < r.start) lo = mid + 1;
        else hi = mid;
      }
      const before = list[lo - 1];
      if (before && (!best || before.start > best.start)) best = before;
      const after = list[lo];
      if (after && (!bestAfter || after.start < bestAfter.start)) bestAfter = after;
    }
    const to = best ?? bestAfter;
    if (to) r.group = to.group;
  }
}

/** Joins each acronym-like name to the one multi-word name elsewhere whose initials spell it. */
function joinInitials(
  groups: Group[],
  find: (g: number) => number,
  union: (keep: number, other: number) => void,
): void {
  const long: Array<{ g: number; words: string[] }> = [];
  const acronyms: Array<{ g: number; letters: string }> = [];
  groups.forEach((g, i) => {
    for (const form of g.forms) {
      const words = form.split(/\s+/);
      if (words.length >= 2) long.push({ g: i, words });
      else {
        const letters = acronymLetters(form);
        if (letters) acronyms.push({ g: i, letters });
      }
    }
  });
  if (acronyms.length === 0 || long.length === 0) return;
  const hasLongForm = new Set(long.map((l) => find(l.g)));
  for (const { g, letters } of acronyms) {
    if (hasLongForm.has(find(g))) continue; // defined in the text already
    const roots = new Set<number>();
    for (const l of long)
      if (l.words.length <= letters.length + 3 && spellsAcronym(l.words, letters, true)) roots.add(find(l.g));
    if (roots.size === 1) union([...roots][0]!, g);
  }
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
  // a tagged span wholly inside a longer known name does not stop it ("Islamic" in "Islamic State")
  const spanAt = new Int32Array(text.length + 1).fill(-1);
  tagged.spans.forEach((span, k) => spanAt.fill(k, span.start, span.end));
  // inside another kind of name ("the U.S. Open"), a known name is not a mention of itself
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
    const inside = (k: number): boolean =>
      k < 0 ||
      (tagged.spans[k]!.start >= start &&
        tagged.spans[k]!.end <= end &&
        tagged.spans[k]!.end - tagged.spans[k]!.start < end - start);
    if (!inside(spanAt[start]!) || !inside(spanAt[end - 1]!)) continue;
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

interface Candidate {
  n: number;
  tokens: number;
  words: number;
  length: number;
  first: number;
  primary: boolean;
  type: NameType;
}

/**
 * The canonical name: a name as written rather than an acronym or alias; for a person the
 * fullest form (most words, then longest); otherwise most tokens, then most mentions.
 */
function better(c: Candidate, best: Candidate): boolean {
  if (c.primary !== best.primary) return c.primary;
  if (c.type === 'person' && best.type === 'person') {
    if (c.words !== best.words) return c.words > best.words;
    if (c.length !== best.length) return c.length > best.length;
  }
  if (c.tokens !== best.tokens) return c.tokens > best.tokens;
  if (c.n !== best.n) return c.n > best.n;
  return c.first < best.first;
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
    const counts = new Map<string, Candidate>();
    for (const r of list) {
      const s = text.slice(r.start, r.end);
      const c = counts.get(s);
      if (c) {
        c.n++;
        c.primary ||= r.primary;
      } else
        counts.set(s, {
          n: 1,
          tokens: r.tokEnd - r.tokStart,
          words: s.split(/\s+/).length,
          length: s.length,
          first: r.start,
          primary: r.primary,
          type: groups[r.group]!.type,
        });
    }
    let name = '';
    let best: Candidate | null = null;
    for (const [s, c] of counts) {
      if (!best || better(c, best)) {
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
    for (const s of counts.keys()) forms.add(s);
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
