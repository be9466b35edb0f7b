import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../../../main/model/contract';
import { groupEntities, guessType, matchesFilter, mentionLabel, timeline, timelineWhen } from './entity-groups';

function entity(name: string, type: EntityType, count: number, extra: Partial<Entity> = {}): Entity {
  const mentions = Array.from({ length: count }, (_, i) => ({ start: i * 10, end: i * 10 + name.length, text: name }));
  return { key: `${type}:${name.toLowerCase()}`, name, type, aliases: [], mentions, ...extra };
}

describe('groupEntities', () => {
  const list = [
    entity('Bergen', 'place', 3),
    entity('David Okafor', 'person', 2, { aliases: ['Okafor'] }),
    entity('Margaret Thompson', 'person', 3),
    entity('12 March 2024', 'date', 1),
    entity('Stavanger', 'place', 5),
  ];

  it('groups by type in a fixed order, most mentioned first', () => {
    const groups = groupEntities(list);
    expect(groups.map((g) => g.label)).toEqual(['People', 'Places', 'Dates']);
    expect(groups[0]!.entities.map((e) => e.name)).toEqual(['Margaret Thompson', 'David Okafor']);
    expect(groups[1]!.entities.map((e) => e.name)).toEqual(['Stavanger', 'Bergen']);
  });

  it('filters on name, alias and type, ignoring case and accents', () => {
    expect(groupEntities(list, 'okafor').flatMap((g) => g.entities.map((e) => e.name))).toEqual(['David Okafor']);
    expect(groupEntities(list, 'places').flatMap((g) => g.entities.map((e) => e.name))).toEqual([
      'Stavanger',
      'Bergen',
    ]);
    expect(matchesFilter(entity('Zürich', 'place', 1), 'zurich')).toBe(true);
    expect(groupEntities(list, 'nobody')).toEqual([]);
  });
});

describe('timeline', () => {
  it('orders dates by their resolved value, unresolved ones last in text order', () => {
    const dates = [
      entity('June 2024', 'date', 1, { resolved: '2024-06' }),
      entity('next spring', 'date', 1, { resolved: null, mentions: [{ start: 50, end: 61, text: 'next spring' }] }),
      entity('2019', 'date', 1, { resolved: '2019' }),
      entity('Monday', 'date', 1, { mentions: [{ start: 5, end: 11, text: 'Monday' }] }),
      entity('12 March 2024', 'date', 1, { resolved: '2024-03-12' }),
    ];
    expect(timeline(dates).map((e) => e.name)).toEqual(['2019', '12 March 2024', 'June 2024', 'Monday', 'next spring']);
  });
});

describe('mentionLabel', () => {
  it('counts in words', () => {
    expect(mentionLabel(1)).toBe('1 mention');
    expect(mentionLabel(12)).toBe('12 mentions');
  });
});

describe('guessType', () => {
  it('guesses dates and figures from the words, else a person', () => {
    expect(guessType('12 March 2024')).toBe('date');
    expect(guessType('1990s')).toBe('date');
    expect(guessType('4,000 residents')).toBe('figure');
    expect(guessType('€12 million')).toBe('figure');
    expect(guessType('Margaret Thompson')).toBe('person');
  });
});

describe('timelineWhen', () => {
  it('gives the resolved date, or a dash when there is none', () => {
    expect(timelineWhen(entity('12 March 2024', 'date', 1, { resolved: '2024-03-12' }))).toBe('2024-03-12');
    expect(timelineWhen(entity('last spring', 'date', 1))).toBe('—');
  });

  it('says nothing when the name is the date already, so a year is not shown twice', () => {
    expect(timelineWhen(entity('2014', 'date', 2, { resolved: '2014' }))).toBe('');
    expect(timelineWhen(entity(' 2014 ', 'date', 2, { resolved: '2014' }))).toBe('');
    expect(timelineWhen(entity('in 2014', 'date', 2, { resolved: '2014' }))).toBe('2014');
  });
});
