import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates';
import { findFigures } from './find-figures';
import { normalizeName } from './normalize-name';

// Our own sentences.
describe('findFigures', () => {
  it('keeps a range whose noun came before it, but not a pair of small numbers', () => {
    const text = 'Harbour staff, the council says, number between 2,000 to 3,500. Scores were 9 and 12 today.';
    expect(findFigures(text).map((f) => f.text)).toEqual(['2,000 to 3,500']);
  });

  it('finds spelled-out numbers with what they count, but not spans of time', () => {
    const text =
      'Four small boats left the quay with eleven passengers. Two decades ago nine of the twelve ferries sank in ten years.';
    expect(findFigures(text).map((f) => f.text)).toEqual(['Four small boats', 'eleven passengers', 'twelve ferries']);
  });
});

describe('figures counted by their verb', () => {
  const texts = (text: string): string[] => findFigures(text).map((f) => f.text);

  it('gives two figures for "killed 15 and injured 45", and none for the word after a number', () => {
    expect(texts('The shelling killed 15 and injured 45 near the old ferry terminal.')).toEqual([
      'killed 15',
      'injured 45',
    ]);
  });

  it('keeps a qualifier, reads the passive and spelled-out numbers, and leaves a noun figure alone', () => {
    const text =
      'Guards detained at least 200 on Friday; 12 were wounded. Raiders abducted three and freed 30 fishermen.';
    expect(texts(text)).toEqual(['detained at least 200', '12 were wounded', 'abducted three', '30 fishermen']);
  });

  it('does not make a figure of every small number', () => {
    const text =
      'She was 45 when the club won, and 2 of the players had scored by 9:30 with 1 minute left. ' +
      'The band released seven more songs.';
    expect(texts(text)).toEqual(['1 minute']);
  });
});

describe('normalizeName', () => {
  it('keeps decimal points, drops abbreviation periods and reads typographic apostrophes', () => {
    expect(normalizeName('$4.3 million')).not.toBe(normalizeName('$43 million'));
    expect(normalizeName('U.N.')).toBe(normalizeName('UN'));
    expect(normalizeName('O’Hare')).toBe(normalizeName("O'Hare"));
    expect(normalizeName('Togo’s')).toBe('togo');
  });
});

describe('findDates', () => {
  it('resolves a date without a year from the last full date before it when there is no reference date', () => {
    const text = 'The ferry sank on May 4, 2021, and divers searched until May 9.';
    expect(findDates(text).map((d) => [d.text, d.resolved])).toEqual([
      ['May 4, 2021', '2021-05-04'],
      ['May 9', '2021-05-09'],
    ]);
  });

  it('puts "since January" in the past', () => {
    const dates = findDates('Arrests have risen since January, officials said.', new Date(2025, 10, 3));
    expect(dates.map((d) => [d.text, d.resolved])).toEqual([['January', '2025-01']]);
  });
});
