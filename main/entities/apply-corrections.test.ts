import { describe, expect, it } from 'vitest';
import type { EntityCorrection, StoredCorrection } from '../model/contract';
import { applyCorrections } from './apply-corrections';
import { extractEntities } from './extract-entities';

const ARTICLE_A =
  'Colonel Amadou Diallo met President Maria Okafor in Lagos. The Harbour Trust paid for the visit. ' +
  'Diallo praised the Harbour Trust and Lagos.';
const ARTICLE_B =
  'Maria Okafor returned to Lagos. Her adviser Tunde Bakare, of the Harbour Trust, stayed in Lagos with Bakare.';

let n = 0;
const stored = (...corrections: EntityCorrection[]): StoredCorrection[] =>
  corrections.map((correction) => ({ id: `c${++n}`, created: '2026-11-27T00:00:00.000Z', correction }));

const run = (text: string, ...corrections: EntityCorrection[]) =>
  applyCorrections(extractEntities(text), stored(...corrections), text);

describe('applyCorrections', () => {
  it('adds an entity at every word-bounded occurrence in every article', () => {
    const add: EntityCorrection = { kind: 'add', name: 'Harbour Trust', type: 'organization' };
    for (const [text, count] of [
      [ARTICLE_A, 2],
      [ARTICLE_B, 1],
    ] as const) {
      const e = run(text, add).find((x) => x.key === 'organization:harbour trust');
      expect(e).toMatchObject({ name: 'Harbour Trust', type: 'organization', userDefined: true });
      expect(e!.mentions).toHaveLength(count);
      for (const m of e!.mentions) expect(text.slice(m.start, m.end)).toBe('Harbour Trust');
    }
    expect(run('Harbour Trustees met.', add).some((x) => x.key === 'organization:harbour trust')).toBe(false);
  });

  it('renames and retypes, moving the key with the name', () => {
    const renamed = run(ARTICLE_A, { kind: 'rename', key: 'person:amadou diallo', name: 'Col. A. Diallo' });
    const e = renamed.find((x) => x.key === 'person:col a diallo');
    expect(e).toMatchObject({ name: 'Col. A. Diallo', type: 'person' });
    expect(e!.aliases).toContain('Amadou Diallo');
    const retyped = run(ARTICLE_B, { kind: 'retype', key: 'place:lagos', type: 'organization' });
    expect(retyped.find((x) => x.key === 'organization:lagos')?.mentions).toHaveLength(2);
    expect(retyped.some((x) => x.key === 'place:lagos')).toBe(false);
  });

  it('merges one entity into another, in both articles', () => {
    const merge: EntityCorrection = { kind: 'merge', key: 'place:lagos', into: 'person:maria okafor' };
    for (const text of [ARTICLE_A, ARTICLE_B]) {
      const out = run(text, merge);
      const okafor = out.find((x) => x.key === 'person:maria okafor')!;
      expect(okafor.aliases).toContain('Lagos');
      expect(okafor.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Maria Okafor', 'Lagos']));
      expect(okafor.mentions.map((m) => m.start)).toEqual(
        [...okafor.mentions.map((m) => m.start)].sort((a, b) => a - b),
      );
      expect(out.some((x) => x.key === 'place:lagos')).toBe(false);
    }
  });

  it('splits an alias off with its mentions', () => {
    const before = extractEntities(ARTICLE_B).find((x) => x.key === 'person:tunde bakare')!;
    expect(before.mentions.map((m) => m.text)).toEqual(['Tunde Bakare', 'Bakare']);
    const out = run(ARTICLE_B, { kind: 'split', key: 'person:tunde bakare', alias: 'Bakare' });
    expect(out.find((x) => x.key === 'person:tunde bakare')!.mentions.map((m) => m.text)).toEqual(['Tunde Bakare']);
    expect(out.find((x) => x.key === 'person:bakare')).toMatchObject({
      name: 'Bakare',
      userDefined: true,
      mentions: [{ text: 'Bakare' }],
    });
  });

  it('hides an entity everywhere, and later corrections apply in order', () => {
    const hide: EntityCorrection = { kind: 'hide', key: 'place:lagos' };
    expect(run(ARTICLE_A, hide).some((x) => x.key === 'place:lagos')).toBe(false);
    expect(run(ARTICLE_B, hide).some((x) => x.key === 'place:lagos')).toBe(false);
    const again = run(ARTICLE_B, hide, { kind: 'add', name: 'Lagos', type: 'place' });
    expect(again.find((x) => x.key === 'place:lagos')?.mentions).toHaveLength(2);
  });

  it('leaves the input untouched', () => {
    const entities = extractEntities(ARTICLE_A);
    const copy = structuredClone(entities);
    applyCorrections(entities, stored({ kind: 'merge', key: 'place:lagos', into: 'person:maria okafor' }), ARTICLE_A);
    expect(entities).toEqual(copy);
  });
});
