// The user's corrections, applied in the order they were made, to one article's entities.
// The same list applies to every article, so a correction made once holds everywhere.
import { ENTITY_TYPES } from '../model/contract';
import type { Entity, EntityCorrection, EntityType, Mention, StoredCorrection } from '../model/contract';
import { sortEntities } from './sort-entities';
import { entityKey, normalizeName } from './normalize-name';

/**
 * `seen`, when given, receives every key the list held before, between and after the corrections:
 * a correction whose key is not among them found nothing to change in this article, so adding
 * it at the end, or taking it out, leaves the result as it is (see library-entity-table.ts).
 */
export function applyCorrections(
  entities: Entity[],
  corrections: StoredCorrection[],
  text: string,
  seen?: Set<string>,
): Entity[] {
  let list = entities.map((e) => ({ ...e, aliases: [...e.aliases], mentions: [...e.mentions] }));
  const note = () => seen && list.forEach((e) => seen.add(e.key));
  note();
  for (const { correction } of corrections) {
    list = applyOne(list, correction, text);
    note();
  }
  for (const e of list) e.mentions.sort((a, b) => a.start - b.start);
  return sortEntities(list.filter((e) => e.mentions.length > 0));
}

function applyOne(list: Entity[], c: EntityCorrection, text: string): Entity[] {
  switch (c.kind) {
    case 'add':
      return add(list, c.name, c.type, text);
    case 'hide':
      return list.filter((e) => e.key !== c.key);
    case 'rename': {
      const e = list.find((x) => x.key === c.key);
      if (!e || !c.name.trim()) return list;
      const name = c.name.trim();
      if (e.name !== name && !e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.aliases = e.aliases.filter((a) => a !== name);
      e.name = name;
      return rekey(list, e, entityKey(e.type, name));
    }
    case 'retype': {
      const e = list.find((x) => x.key === c.key);
      if (!e) return list;
      e.type = c.type;
      return rekey(list, e, entityKey(c.type, e.name));
    }
    case 'merge': {
      const from = list.find((x) => x.key === c.key);
      if (!from || c.key === c.into) return list;
      const into = list.find((x) => x.key === c.into);
      if (!into) {
        // The target is not in this article: the merged entity takes its key (and type).
        from.type = typeOfKey(c.into) ?? from.type;
        from.key = c.into;
        return list;
      }
      absorb(into, from);
      return list.filter((x) => x !== from);
    }
    case 'split': {
      const e = list.find((x) => x.key === c.key);
      if (!e) return list;
      const norm = normalizeName(c.alias);
      const leaving = e.mentions.filter((m) => normalizeName(m.text) === norm);
      if (leaving.length === 0 || leaving.length === e.mentions.length) return list;
      e.mentions = e.mentions.filter((m) => normalizeName(m.text) !== norm);
      e.aliases = e.aliases.filter((a) => normalizeName(a) !== norm);
      if (normalizeName(e.name) === norm) e.name = e.aliases.shift() ?? e.mentions[0]!.text;
      const key = entityKey(e.type, c.alias);
      const existing = list.find((x) => x.key === key && x !== e);
      const forms = [...new Set(leaving.map((m) => m.text))];
      const name = forms.includes(c.alias) ? c.alias : forms[0]!;
      const part: Entity = {
        key,
        name,
        type: e.type,
        aliases: forms.filter((f) => f !== name),
        mentions: leaving,
        userDefined: true,
      };
      if (existing) {
        absorb(existing, part);
        return list;
      }
      return [...list, part];
    }
  }
}

function add(list: Entity[], rawName: string, type: EntityType, text: string): Entity[] {
  const name = rawName.trim();
  if (!name) return list;
  const found = occurrences(text, name);
  const key = entityKey(type, name);
  let target = list.find((e) => e.key === key);
  if (found.length === 0) return list;
  // The user's span wins over whatever the extractor made of the same words.
  const overlaps = (m: Mention): boolean => found.some((f) => f.start < m.end && m.start < f.end);
  for (const e of list) if (e !== target) e.mentions = e.mentions.filter((m) => !overlaps(m));
  list = list.filter((e) => e === target || e.mentions.length > 0);
  if (!target) {
    target = { key, name, type, aliases: [], mentions: [], userDefined: true };
    list.push(target);
  }
  const have = new Set(target.mentions.map((m) => `${m.start}:${m.end}`));
  for (const f of found) if (!have.has(`${f.start}:${f.end}`)) target.mentions.push(f);
  for (const f of found) if (f.text !== target.name && !target.aliases.includes(f.text)) target.aliases.push(f.text);
  target.userDefined = true;
  return list;
}

/** Word-bounded occurrences of `name`: as written, in capitals, or with a capitalised first letter. */
export function occurrences(text: string, name: string): Mention[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
  const ok = new Set([name, name.toUpperCase(), name.charAt(0).toUpperCase() + name.slice(1)]);
  const out: Mention[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (ok.has(m[0])) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

function absorb(into: Entity, from: Entity): void {
  const have = new Set(into.mentions.map((m) => `${m.start}:${m.end}`));
  for (const m of from.mentions) if (!have.has(`${m.start}:${m.end}`)) into.mentions.push(m);
  for (const a of [from.name, ...from.aliases]) if (a !== into.name && !into.aliases.includes(a)) into.aliases.push(a);
  into.mentions.sort((a, b) => a.start - b.start);
}

/** Gives `e` a new key; an entity already holding that key absorbs it. */
function rekey(list: Entity[], e: Entity, key: string): Entity[] {
  const other = list.find((x) => x.key === key && x !== e);
  e.key = key;
  if (!other) return list;
  absorb(e, other);
  return list.filter((x) => x !== other);
}

const TYPES: readonly EntityType[] = ENTITY_TYPES;

function typeOfKey(key: string): EntityType | undefined {
  const t = key.slice(0, key.indexOf(':'));
  return TYPES.find((x) => x === t);
}
