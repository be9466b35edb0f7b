// Raw text → people, organizations, places, dates and figures, each with its mentions
// as exact offsets into the given text.
import { sortEntities } from './sort-entities';
import { ENTITY_TYPES } from '../model/contract';
import type { Entity, EntityType } from '../model/contract';
import { findDates } from './find-dates';
import { findFigures } from './find-figures';
import { mergeMentions } from './merge-mentions';
import { normalizeName } from './normalize-name';
import { tagText } from './tag-text';

export interface ExtractOptions {
  /** Resolves relative dates ("last Tuesday"); usually the article's publication date. */
  referenceDate?: Date | string | null;
  /** Only these types (default: all five). */
  types?: EntityType[];
  /** Mark later occurrences of a found name the tagger missed (default true). */
  propagate?: boolean;
}

export function extractEntities(text: string, options: ExtractOptions = {}): Entity[] {
  const want = new Set<EntityType>(options.types ?? ENTITY_TYPES);
  const out: Entity[] = [];
  if (want.has('person') || want.has('organization') || want.has('place')) {
    const names = mergeMentions(text, tagText(text), { propagate: options.propagate });
    out.push(...names.filter((e) => want.has(e.type)));
  }
  const dates = want.has('date') || want.has('figure') ? findDates(text, referenceOf(options.referenceDate)) : [];
  if (want.has('date')) {
    const byKey = new Map<string, Entity>();
    for (const d of dates) {
      const key = `date:${d.resolved ?? normalizeName(d.text)}`;
      const e = byKey.get(key);
      const mention = { start: d.start, end: d.end, text: d.text };
      if (e) {
        e.mentions.push(mention);
        if (d.text !== e.name && !e.aliases.includes(d.text)) e.aliases.push(d.text);
      } else
        byKey.set(key, { key, name: d.text, type: 'date', aliases: [], mentions: [mention], resolved: d.resolved });
    }
    out.push(...byKey.values());
  }
  if (want.has('figure')) {
    const byKey = new Map<string, Entity>();
    for (const f of findFigures(text)) {
      if (dates.some((d) => d.start < f.end && f.start < d.end)) continue;
      const key = `figure:${normalizeName(f.text)}`;
      const mention = { start: f.start, end: f.end, text: f.text };
      const e = byKey.get(key);
      if (e) e.mentions.push(mention);
      else byKey.set(key, { key, name: f.text, type: 'figure', aliases: [], mentions: [mention] });
    }
    out.push(...byKey.values());
  }
  for (const e of out) e.mentions.sort((a, b) => a.start - b.start);
  return sortEntities(out);
}

function referenceOf(ref: Date | string | null | undefined): Date | undefined {
  if (!ref) return undefined;
  const d = ref instanceof Date ? ref : new Date(ref);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
