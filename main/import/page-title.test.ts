import { describe, expect, it } from 'vitest';
import { cleanByline, chooseByline } from './choose-byline';
import { headlineOf } from './page-title';

describe('headlineOf: the headline, with the site name left to `site`', () => {
  const none = { site: null, host: null, headings: [] };
  it.each([
    ['How to Build a Terrarium | eHow', { site: 'eHow', host: null, headings: [] }, 'How to Build a Terrarium'],
    [
      'Ten Ways to Keep Bread Fresh - HelloGiggles',
      { site: null, host: 'hellogiggles.com', headings: [] },
      'Ten Ways to Keep Bread Fresh',
    ],
    [
      'Dispatches | A Tram Line Splits a River Town',
      { site: 'Dispatches', host: null, headings: [] },
      'A Tram Line Splits a River Town',
    ],
    ['Lorem ipsum dolor sit amet – My website', none, 'Lorem ipsum dolor sit amet'],
    ['Long Read | Site', { site: 'The Site', host: null, headings: ['Long Read'] }, 'Long Read'],
    // Nothing says the last part is the site: the title stays whole.
    ['War and Peace - Part Two of the Essay', none, 'War and Peace - Part Two of the Essay'],
    [
      'Evolve: Shared Mutable History — evolve extension for Mercurial',
      none,
      'Evolve: Shared Mutable History — evolve extension for Mercurial',
    ],
  ])('%s → %s', (title, context, expected) => {
    expect(headlineOf(title, context)).toBe(expected);
  });
});

describe('bylines', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['Written by Jane Doe and John Roe on March 3, 2024 | 51 Comments', 'Jane Doe and John Roe'],
    ['By GILLIAN MOHNEY\n    March 11, 2015 3:46 PM', 'GILLIAN MOHNEY'],
    ['By Brenda Goodman, MA\n   WebMD Health News', 'Brenda Goodman, MA'],
    ['Last Updated: January 7, 2025', null],
    ['By', null],
    ['March 3, 2024', null],
    ['https://example.org/people/jane', null],
    ['肖春芳', '肖春芳'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });

  it('prefers the writer to the publisher, and takes the publisher only when no one else is named', () => {
    expect(chooseByline(['Condé Nast', 'By Ana Lima'], ['Condé Nast'])).toBe('Ana Lima');
    expect(chooseByline(['Dispatches Media', 'Agnes Holloway'], ['Dispatches Media'])).toBe('Agnes Holloway');
    expect(chooseByline(['The Daily Ledger'], ['The Daily Ledger'])).toBe('The Daily Ledger');
    expect(chooseByline(['By', null, ''], [])).toBeNull();
  });
});
