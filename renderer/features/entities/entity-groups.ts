// The sidebar's view of an article's entities: filtered, grouped by type in a
// fixed order, each group sorted by mention count (most mentioned first).
import { ENTITY_TYPES } from '../../../main/model/contract';
import type { Entity, EntityType } from '../../../main/model/contract';
import { fold } from '../../text/fold';

export const TYPE_ORDER: readonly EntityType[] = ENTITY_TYPES;

export const GROUP_LABELS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  date: 'Dates',
  figure: 'Figures',
};

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  date: 'Date',
  figure: 'Figure',
};

export interface EntityGroup {
  type: EntityType;
  label: string;
  entities: Entity[];
}

export function byMentions(a: Entity, b: Entity): number {
  return b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
}

export function matchesFilter(entity: Entity, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  return [entity.name, ...entity.aliases, TYPE_LABELS[entity.type], GROUP_LABELS[entity.type]].some((s) =>
    fold(s).includes(q),
  );
}

export function groupEntities(entities: readonly Entity[], query = ''): EntityGroup[] {
  const groups: EntityGroup[] = [];
  for (const type of TYPE_ORDER) {
    const members = entities.filter((e) => e.type === type && matchesFilter(e, query)).sort(byMentions);
    if (members.length > 0) groups.push({ type, label: GROUP_LABELS[type], entities: members });
  }
  return groups;
}

/** Dates in the order they happened; phrases that resolve to nothing go last, in text order. */
export function timeline(entities: readonly Entity[]): Entity[] {
  return entities
    .filter((e) => e.type === 'date')
    .sort((a, b) => {
      const ra = a.resolved ?? null;
      const rb = b.resolved ?? null;
      if (ra && rb) return ra.localeCompare(rb) || a.name.localeCompare(b.name);
      if (ra) return -1;
      if (rb) return 1;
      return (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0);
    });
}

/**
 * What the timeline's date column says for a row: the resolved date, "—" when
 * there is none, and nothing when the name already says exactly that ("2014"
 * would otherwise read "2014 2014").
 */
export function timelineWhen(entity: Entity): string {
  if (!entity.resolved) return '—';
  return fold(entity.name.trim()) === fold(entity.resolved) ? '' : entity.resolved;
}

export function mentionLabel(count: number): string {
  return count === 1 ? '1 mention' : `${count} mentions`;
}

const MONTHS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** A first guess at the type of a selection being added; the user can change it in the dialog. */
export function guessType(name: string): EntityType {
  if (MONTHS.test(name) || /^(?:in |on |by )?(?:1[5-9]\d\d|20\d\d)s?$/i.test(name.trim())) return 'date';
  if (/^[\d$€£]/.test(name.trim())) return 'figure';
  return 'person';
}
