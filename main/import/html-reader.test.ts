import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textContentOfHtml } from './fragment-text';
import { importDocument, importPaste } from './import-document';

const FIXTURES = new URL('../../tests/fixtures/import/reader-mode/', import.meta.url);
const page = readFileSync(new URL('tram-line-page.html', FIXTURES));
const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('a saved page: metadata a person would write down', () => {
  const doc = importDocument({ name: 'tram-line-page.html', bytes: page });

  it('reads the canonical address, site and date although a tracking pixel ends <head> early', () => {
    expect(doc.sourceUrl).toBe('https://dispatches.example.org/cities/tram-line-river-town');
    expect(doc.site).toBe('Dispatches Media');
    expect(doc.published).toBe('2025-03-04T07:30:00+01:00');
    expect(doc.language).toBe('en-GB');
  });

  it('takes the headline without the site name, and the writer rather than the publisher', () => {
    expect(doc.title).toBe('A Tram Line Splits a River Town Down the Middle');
    expect(doc.author).toBe('Agnes Holloway');
  });

  it('sets aside the byline block, the ad and the newsletter box Readability leaves, each where it stood', () => {
    expect(doc.text.startsWith('The council wants rails on the old bridge')).toBe(true);
    expect(doc.text).not.toMatch(/By Agnes|Advertisement|Subscribe to our newsletter|every Friday|Share on|Recent|©/);
    expect(doc.removed.map((r) => [r.reason, r.text])).toEqual([
      ['byline', 'By Agnes Holloway · 4 March 2025'],
      ['ad', 'Advertisement'],
      ['ad', 'Subscribe to our newsletter'],
      ['ad', "The week's dispatches from small cities, every Friday."],
    ]);
    const ad = doc.removed[1]!;
    expect(doc.text.slice(ad.at).startsWith('"Nobody here is against the tram,"')).toBe(true);
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });
});

describe('pasted HTML goes through the same article extraction', () => {
  const fragment = [
    '<meta charset="utf-8"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe</a></nav>',
    '<h1>Ferry Timetables Change for the Winter</h1><h2>Ferry Timetables Change for the Winter</h2>',
    '<p>From the first of November the morning ferry leaves the north quay twenty minutes earlier, the operator said on Monday, so that it meets the first train of the day at the mainland station.</p>',
    '<p>The evening crossing is cut to three days a week until March. Passengers with season tickets will be refunded for the crossings that no longer run, the operator added in its notice to travellers.</p>',
    '<div><h3>Subscribe to our newsletter</h3><p>News from the islands, every week.</p></div>',
  ].join('');
  const doc = importPaste({ html: fragment, text: 'plain fallback' });

  it('keeps the article and drops the site menu, the second headline and the newsletter box', () => {
    expect(doc.format).toBe('paste-html');
    expect(doc.title).toBe('Ferry Timetables Change for the Winter');
    expect(doc.text).toContain('From the first of November the morning ferry');
    expect(doc.text).not.toMatch(/Home|Subscribe|every week/);
    expect(doc.text.split('Ferry Timetables Change for the Winter').length).toBeLessThanOrEqual(2);
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });
});

describe('structure and characters', () => {
  it('keeps every table cell, empty and image-only ones too, so columns stay under their headers', () => {
    const html = `<html><body><article><p>${'Scores from the regional quiz league, as the organisers published them this week. '.repeat(8)}</p><table><tr><th>Team</th><th>Badge</th><th>Points</th></tr><tr><td>North</td><td><img src="https://x.example/b.png"></td><td>12</td></tr><tr><td>South</td><td></td><td>9</td></tr></table></article></body></html>`;
    const doc = importDocument({ name: 'quiz.html', bytes: bytes(html) });
    expect(doc.text).toContain('Team\tBadge\tPoints\nNorth\t\t12\nSouth\t\t9');
  });

  it('reads a page that leaves out <html>, <head> and <body>, as HTML allows, with unclosed paragraphs', () => {
    const html = `<!doctype html><meta charset=utf-8><title>Night Buses Return to the Valley</title><h1>Night Buses Return to the Valley</h1><p>${'After two years without them, the valley has night buses again from Friday, the operator said. '.repeat(6)}<p>The last bus leaves the station at ten past two.<table><tr><td>Route<td>Last bus</table>`;
    const doc = importDocument({ name: 'buses.html', bytes: bytes(html) });
    expect(doc.title).toBe('Night Buses Return to the Valley');
    expect(doc.text).toContain('the operator said.');
    expect(doc.text).toContain('The last bus leaves the station at ten past two.');
    expect(doc.text).toContain('Route\tLast bus');
  });

  it('keeps line breaks of a <pre> written as paragraphs', () => {
    const doc = importPaste({ html: '<pre><p>first line</p><p>  second line</p></pre><p>After the listing.</p>' });
    expect(doc.text).toContain('first line\n  second line');
  });

  it('keeps MathML mid-sentence', () => {
    const doc = importPaste({
      html: '<p>The area is <math><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></math> for any circle.</p>',
    });
    expect(doc.text).toBe('The area is πr2 for any circle.');
    expect(doc.html).toContain('<math><mi>π</mi>');
  });

  it('reads the article although one hidden element holds thousands of links', () => {
    const links = Array.from({ length: 3000 }, (_, i) => `<li><a href="/t/${i}">tag ${i}</a></li>`).join('');
    const paras = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Paragraph ${i} of the report on the harbour, with enough words in it to read as prose, as reports do.</p>`,
    ).join('');
    const html = `<html><head><title>Harbour Report</title></head><body><nav>Home News</nav><div hidden><ul>${links}</ul></div><div class="footer-links">Contact</div><article>${paras}</article><footer>Footer text here</footer></body></html>`;
    const doc = importDocument({ name: 'harbour.html', bytes: bytes(html) });
    expect(doc.text).toContain('Paragraph 0 of the report');
    expect(doc.text).not.toMatch(/tag 1|Home News|Footer text/);
  });

  it('imports a page with almost no readable text, with a warning that says so', () => {
    const doc = importDocument({ name: 'stub.html', bytes: bytes('<html><body><p>Page moved.</p></body></html>') });
    expect(doc.text).toBe('Page moved.');
    expect(doc.warning).toBe('"stub.html" has almost no readable text (2 words); the original is kept as it was.');
    expect(importDocument({ name: 'tram.html', bytes: page }).warning).toBeNull();
  });
});
