import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/contract';
import { extractEntities } from './extract-entities';

// Our own fixture: invented people, groups and places in a news-like style.
const TEXT = [
  'Colonel Amadou Diallo met President Maria Okafor in Lagos on 3 June 2019.',
  "Pakistan's army said the Northern Frontier Liberation Army (NFLA) had 1,700 militants and between 4,000 to 6,000 fighters in the hills.",
  'Diallo said the NFLA, also known as the Black Lions, would talk, and that 139 people had died since last Tuesday.',
  'Mr. Diallo later flew from Lagos to Geneva, where the U.N. office said prices had risen 4.5% to $3.2 billion.',
  'Okafor told reporters the UN would send monitors to Pakistan.',
].join(' ');

function byName(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity named ${name}: ${entities.map((x) => `${x.type}:${x.name}`).join(', ')}`);
  return e;
}

describe('extractEntities', () => {
  const entities = extractEntities(TEXT, { referenceDate: '2019-06-20' });

  it('gives mentions as exact offsets, sorted by position', () => {
    for (const e of entities) {
      for (const m of e.mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
      const starts = e.mentions.map((m) => m.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('strips titles and joins a later surname to the full name', () => {
    const diallo = byName(entities, 'Amadou Diallo');
    expect(diallo.type).toBe('person');
    expect(diallo.key).toBe('person:amadou diallo');
    expect(diallo.mentions.map((m) => m.text)).toEqual(['Amadou Diallo', 'Diallo', 'Diallo']);
    expect(diallo.aliases).toEqual(['Diallo']);
    const okafor = byName(entities, 'Maria Okafor');
    expect(okafor.mentions).toHaveLength(2);
  });

  it('strips possessives', () => {
    const pakistan = byName(entities, 'Pakistan');
    expect(pakistan.type).toBe('place');
    expect(pakistan.mentions.map((m) => m.text)).toEqual(['Pakistan', 'Pakistan']);
  });

  it('joins an acronym defined in the text and an alias to the long form', () => {
    const army = byName(entities, 'Northern Frontier Liberation Army');
    expect(army.type).toBe('organization');
    expect(army.aliases).toEqual(expect.arrayContaining(['NFLA', 'Black Lions']));
    expect(army.mentions.map((m) => m.text)).toEqual([
      'Northern Frontier Liberation Army',
      'NFLA',
      'NFLA',
      'Black Lions',
    ]);
    expect(entities.some((e) => e.name === 'NFLA' || e.name === 'Black Lions')).toBe(false);
  });

  it('joins case and period variants', () => {
    const un = entities.filter((e) => e.key === 'organization:un');
    expect(un).toHaveLength(1);
    expect(un[0]!.mentions.map((m) => m.text)).toEqual(['U.N.', 'UN']);
  });

  it('finds figures with what they count, percentages and money', () => {
    const figures = entities.filter((e) => e.type === 'figure').map((e) => e.name);
    expect(figures).toEqual(
      expect.arrayContaining(['1,700 militants', '4,000 to 6,000 fighters', '139 people', '4.5%', '$3.2 billion']),
    );
    expect(figures).not.toContain('2019');
  });

  it('finds dates, keeps the phrase and resolves it where it can', () => {
    const june = byName(entities, '3 June 2019');
    expect(june.type).toBe('date');
    expect(june.resolved).toBe('2019-06-03');
    expect(june.key).toBe('date:2019-06-03');
    const tuesday = byName(entities, 'last Tuesday');
    expect(tuesday.resolved).toBe('2019-06-18');
    const undated = extractEntities('It happened last Tuesday.', { types: ['date'] });
    expect(undated[0]).toMatchObject({ name: 'last Tuesday', resolved: null });
  });

  it('trusts a name in a Title Case heading only when the prose names it too', () => {
    const text =
      'Storm Clouds Gather Over Portugal as Border Talks Stall\n\nThe government of Portugal said on Monday that talks with Spain had stalled.';
    const names = extractEntities(text, { types: ['person', 'organization', 'place'] });
    expect(names.map((e) => e.key).sort()).toEqual(['place:portugal', 'place:spain']);
    expect(names.find((e) => e.key === 'place:portugal')!.mentions.map((m) => m.start)).toEqual([25, 75]);
  });

  it('reads typographic apostrophes like plain ones', () => {
    const names = extractEntities("Pakistan’s army and Pakistan's government met in Karachi.", { types: ['place'] });
    expect(names.find((e) => e.key === 'place:pakistan')!.mentions.map((m) => m.text)).toEqual([
      'Pakistan',
      'Pakistan',
    ]);
  });

  it('handles empty and name-free text', () => {
    expect(extractEntities('')).toEqual([]);
    expect(extractEntities('nothing to see here, really.')).toEqual([]);
  });
});
