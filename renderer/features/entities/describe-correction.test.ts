import { describe, expect, it } from 'vitest';
import { describeCorrection, keyName } from './describe-correction';

describe('describeCorrection', () => {
  const names = new Map([['place:bergen', 'Bergen']]);
  const nameOf = (key: string) => names.get(key) ?? keyName(key);

  it('puts each kind of correction in words, with current names where known', () => {
    expect(describeCorrection({ kind: 'add', name: 'fish market', type: 'place' })).toBe(
      'Added “fish market” as a place',
    );
    expect(describeCorrection({ kind: 'retype', key: 'person:acme', type: 'organization' })).toBe(
      'Made “acme” an organization',
    );
    expect(describeCorrection({ kind: 'merge', key: 'place:bjørgvin', into: 'place:bergen' }, nameOf)).toBe(
      'Merged “bjørgvin” into “Bergen”',
    );
    expect(describeCorrection({ kind: 'rename', key: 'place:bergen', name: 'Bergen, Norway' }, nameOf)).toBe(
      'Renamed “Bergen” to “Bergen, Norway”',
    );
    expect(describeCorrection({ kind: 'split', key: 'person:david okafor', alias: 'Okafor' })).toBe(
      'Split “Okafor” off “david okafor”',
    );
    expect(describeCorrection({ kind: 'hide', key: 'date:monday' })).toBe('Hid “monday”');
  });
});
