import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities';
import { findDates } from './find-dates';

// Our own sentences; the article is dated Friday 10 May 2024.
const REF = new Date(2024, 4, 10);
const dates = (text: string, ref: Date | null = REF): Array<[string, string | null]> =>
  findDates(text, ref ?? undefined).map((d) => [d.text, d.resolved]);

describe('times relative to the article date', () => {
  it('resolves last, this and next year, month and week', () => {
    const text = 'Harbour fees rose last year, fell last month and will rise next week. This year is calm.';
    expect(dates(text)).toEqual([
      ['last year', '2023'],
      ['last month', '2024-04'],
      ['next week', '2024-05-13/2024-05-19'],
      ['This year', '2024'],
    ]);
  });

  it('resolves "ago" to the precision of its unit', () => {
    const text = 'The ferry sank two years ago; divers came 12 months ago and again three days ago.';
    expect(dates(text)).toEqual([
      ['two years ago', '2022'],
      ['12 months ago', '2023-05'],
      ['three days ago', '2024-05-07'],
    ]);
  });

  it('gives a period that ends at the article date as an interval', () => {
    const text =
      'In the past 24 hours two boats sank. Over the last 12 months trade doubled; the past decade was worse.';
    expect(dates(text)).toEqual([
      ['past 24 hours', '2024-05-09/2024-05-10'],
      ['last 12 months', '2023-05/2024-05'],
      ['past decade', '2014/2024'],
    ]);
  });

  it('leaves alone words about some other time than the article date', () => {
    const text =
      'It was her last year in office. The last year of the siege was grim. The next year, she moved to Tarnova. ' +
      'For the next two years she ran the port, and the repairs will last 36 hours. Divers found shells 8,000 years ago.';
    expect(dates(text)).toEqual([]);
  });

  it('keeps a vague time without a date rather than a wrong one, and everything unresolved without a reference', () => {
    expect(dates('Several years ago the quay flooded.')).toEqual([['Several years ago', null]]);
    expect(dates('The quay flooded last year.', null)).toEqual([['last year', null]]);
  });

  it('lists a bare duration as a figure, not a date, and merges "last year" with the year it names', () => {
    const text = 'The port stayed shut for 12 months. In 2023 the dam cracked; last year it was mended.';
    const es = extractEntities(text, { referenceDate: '2024-05-10', types: ['date', 'figure'] });
    expect(es.filter((e) => e.type === 'figure').map((e) => e.name)).toEqual(['12 months']);
    const year = es.find((e) => e.key === 'date:2023')!;
    expect(year.mentions.map((m) => m.text)).toEqual(['2023', 'last year']);
  });
});

describe('years alone', () => {
  it('counts a year at every mention once the article has used it as a date', () => {
    const text =
      'The dam cracked in 2019. By 2020 it leaked, and 2019 was remembered as the wet year. In 2019 a report warned.';
    expect(dates(text)).toEqual([
      ['2019', '2019'],
      ['2020', '2020'],
      ['2019', '2019'],
      ['2019', '2019'],
    ]);
  });

  it('takes a year where its place says so, but not a count or a number that names a thing', () => {
    const text =
      'The 2017 flood ruined the port; 2017 was hard. It employs 2017 people and sits in Room 2017. The fee was $2017.';
    expect(dates(text)).toEqual([
      ['2017', '2017'],
      ['2017', '2017'],
    ]);
  });
});
