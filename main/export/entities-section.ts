// The "Entities" section: people, organizations, places and figures with
// their mention counts, then dates as a short timeline. With wikilinks on,
// people, organizations and places link to one vault note each (named by
// entityNoteBase, the same name library-export gives the note). Dates and
// figures stay plain text: a note per number or day would flood a vault.
import type { Entity, EntityType } from '../model/contract';
import { safeBaseName } from './file-names';
import { escapeInlineLine } from './markdown-escape';

const SECTIONS: Array<[EntityType, string]> = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['figure', 'Figures'],
];

export const LINKED_TYPES = new Set<EntityType>(['person', 'organization', 'place']);

export function entityNoteBase(entity: Pick<Entity, 'name'>): string {
  return safeBaseName(entity.name, 'Entity');
}

/** Where an entity's wikilink points (a vault export's `Entities/…` note), by entity key. */
export type EntityLinks = ReadonlyMap<string, string>;

function wikilink(entity: Entity, links?: EntityLinks): string {
  const target = links?.get(entity.key) ?? entityNoteBase(entity);
  const label = entity.name.replace(/\s+/g, ' ').trim();
  // Inside [[…]] only `]`, `|` and newlines can break out; the label is shown as typed.
  const safeLabel = label
    .replace(/[[\]|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return target === safeLabel ? `[[${target}]]` : `[[${target}|${safeLabel}]]`;
}

const count = (n: number): string => `${n} mention${n === 1 ? '' : 's'}`;

export function entitiesSection(entities: Entity[], wikilinks: boolean, links?: EntityLinks): string | null {
  const visible = entities.filter((e) => e.mentions.length > 0 || e.userDefined);
  if (!visible.length) return null;
  const out: string[] = ['## Entities'];
  for (const [type, title] of SECTIONS) {
    const list = visible
      .filter((e) => e.type === type)
      .sort(
        (a, b) =>
          b.mentions.length - a.mentions.length || a.name.localeCompare(b.name, 'en') || a.key.localeCompare(b.key),
      );
    if (!list.length) continue;
    out.push(`### ${title}`);
    out.push(
      list
        .map((e) => {
          const name = wikilinks && LINKED_TYPES.has(type) ? wikilink(e, links) : escapeInlineLine(e.name);
          return `- ${name} (${count(e.mentions.length)})`;
        })
        .join('\n'),
    );
  }
  const dates = visible
    .filter((e) => e.type === 'date')
    .sort((a, b) => {
      const ra = a.resolved ?? '\uFFFF';
      const rb = b.resolved ?? '\uFFFF';
      return ra.localeCompare(rb) || a.name.localeCompare(b.name, 'en') || a.key.localeCompare(b.key);
    });
  if (dates.length) {
    out.push('### Timeline');
    out.push(
      dates
        .map((e) => {
          const name = escapeInlineLine(e.name);
          const when = e.resolved && e.resolved !== e.name ? `**${escapeInlineLine(e.resolved)}**: ` : '';
          return `- ${when}${name} (${count(e.mentions.length)})`;
        })
        .join('\n'),
    );
  }
  return out.join('\n\n');
}
