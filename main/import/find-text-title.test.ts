import { describe, expect, it } from 'vitest';
import { findTextByline, findTextDate, findTextTitle, isTitleLike } from './find-text-title';

describe('findTextTitle', () => {
  it('skips navigation lines and takes the headline the page repeats', () => {
    const text = [
      'World',
      '',
      'Rivers Run Dry as the Upstream Dams Fill',
      '',
      'Latest',
      '',
      'World | Environment | South Asia',
      '',
      'Rivers Run Dry as the Upstream Dams Fill',
      '',
      'A dispute over water is becoming a dispute over everything else.',
      '',
      'Rivers Run Dry as the Upstream Dams Fill',
      '',
      'Body text begins here and goes on for a while, as body text does in an article.',
    ].join('\n');
    expect(findTextTitle(text)).toBe('Rivers Run Dry as the Upstream Dams Fill');
  });

  it('takes the first headline-shaped line when nothing repeats', () => {
    expect(findTextTitle('Menu\n\nSearch\n\nThe Long Road Back to the Negotiating Table\n\nIt began in May.')).toBe(
      'The Long Road Back to the Negotiating Table',
    );
  });

  it('falls back to a short first line', () => {
    expect(findTextTitle('Notes\n\nThis is a sentence that ends with a period, so it is not a title.')).toBe('Notes');
  });

  it('gives up on a text that is one long paragraph', () => {
    expect(findTextTitle('word '.repeat(100))).toBeNull();
  });

  it('ignores repeated short navigation lines', () => {
    expect(findTextTitle('Home\nHome\nSubscribe\n\nWhy the Ferry Licence Matters to Everyone\n\nText.')).toBe(
      'Why the Ferry Licence Matters to Everyone',
    );
  });

  it('handles NBSP and CRLF', () => {
    expect(findTextTitle('Features\r\n\r\nA\u00a0Headline With Odd\u00a0Spaces In It\r\n\r\nBody.')).toBe(
      'A Headline With Odd Spaces In It',
    );
  });
});

describe('isTitleLike', () => {
  it.each([
    ['A Headline of Reasonable Length Here', true],
    ['A sentence that ends in a period like prose.', false],
    ['Short one', false],
    ['Security | Central Asia | Features Today', false],
    ['By Jane Doe and Another Writer Person', false],
    ['Credit: Some Photo Agency via Wire Service', false],
  ])('%s → %s', (line, expected) => {
    expect(isTitleLike(line)).toBe(expected);
  });
});

describe('byline and dateline', () => {
  it('finds a byline near the top', () => {
    expect(findTextByline('Title of the Piece Goes Here\n\nBy Mara Lindqvist\n\nBody.')).toBe('Mara Lindqvist');
  });

  it('finds a short dateline, not a date inside prose', () => {
    expect(findTextDate('Title of the Piece Goes Here\n\nMarch 28, 2024\n\nBody.')).toBe('March 28, 2024');
    expect(findTextDate(`Title\n\n${'Long prose '.repeat(10)}on March 28, 2024 something happened.`)).toBeNull();
  });
});
