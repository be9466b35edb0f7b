import type { Entity } from '../model/contract';

/** The sidebar's order: most mentioned first, then by first mention. Sorts in place. */
export function sortEntities(entities: Entity[]): Entity[] {
  return entities.sort(
    (a, b) => b.mentions.length - a.mentions.length || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0),
  );
}
