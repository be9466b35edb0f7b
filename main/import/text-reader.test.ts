import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textContentOfHtml } from './fragment-text';
import { importDocument, importPaste } from './import-document';

const FIXTURES = new URL('../../tests/fixtures/import/reader-mode/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));
const removedAs = (doc: { removed: { text: string; reason: string }[] }, reason: string) =>
  doc.removed.filter((r) => r.reason === reason).map((r) => r.text.replace(/\s+/g, ' ').trim());

describe('reader mode for a page saved as text', () => {
  const doc = importDocument({ name: 'tram-line.txt', bytes: fixture('tram-line-saved-as-text.txt') });

  it('opens with the headline as title, the byline and date as metadata', () => {
    expect(doc.title).toBe('A Tram Line Splits a River Town Down the Middle');
    expect(doc.author).toBe('Agnes Holloway');
    expect(doc.published).toBe('March 4, 2025');
  });

  it('keeps the standfirst once, first, and the caption with its credit as a figure caption', () => {
    const dek =
      'The council wants rails on the old bridge by 2028. The shopkeepers on the far bank want to be asked first.';
    expect(doc.text.startsWith(dek + '\n\n')).toBe(true);
    expect(doc.text.split(dek)).toHaveLength(2);
    expect(doc.html).toContain(`<p><em>${dek}</em></p>`);
    expect(doc.html).toContain(
      '<figure><figcaption>Workers measure the deck of the Weir Bridge in Lindqvist on a grey February morning.<br>\nCredit: Harbour Desk Photo Service</figcaption></figure>',
    );
  });

  it('sets aside navigation, breadcrumbs, labels, repeats, share lines, related lists, the ad and the footer', () => {
    for (const junk of [
      'Skip to main content',
      'Menu',
      'Home | Cities',
      'Latest Features',
      'Share on',
      'Email this',
      'Advertisement',
      'Related:',
      'Recent',
      'The Ferry That',
      'jobs board',
      '© 2025',
    ]) {
      expect(doc.text).not.toContain(junk);
    }
    expect(doc.text).not.toContain('A Tram Line Splits');
    expect(removedAs(doc, 'title')).toEqual(['A Tram Line Splits a River Town Down the Middle']);
    expect(removedAs(doc, 'repeat')).toHaveLength(2);
    expect(removedAs(doc, 'navigation')).toEqual([
      'Skip to main content',
      'Menu',
      'Home | Cities | Transport | Europe',
      'Cities | Transport | Europe',
    ]);
    expect(removedAs(doc, 'label')).toEqual(['Dispatches', 'Latest Features']);
    expect(removedAs(doc, 'byline')).toEqual(['By Agnes Holloway']);
    expect(removedAs(doc, 'dateline')).toEqual(['March 4, 2025']);
    expect(removedAs(doc, 'share')).toEqual([
      'Share on Facebook',
      'Share on X',
      'Email this article',
      'Share this article',
    ]);
    expect(removedAs(doc, 'related')).toEqual([
      'Related: Three towns that tried trams and what happened next',
      'Recent',
      'The Ferry That Nobody Wanted to Cancel',
      'Why Small Ports Keep Their Harbour Masters',
      'What a Bypass Did to Three Market Towns',
    ]);
    expect(removedAs(doc, 'ad')).toEqual([
      'Advertisement',
      'Thinking about a career in transport planning? Browse the Dispatches jobs board. Find your next city job',
    ]);
    expect(removedAs(doc, 'footer')).toEqual(['© 2025 Dispatches Media. All rights reserved. Privacy policy']);
  });

  it('keeps every paragraph of the article, and places each removed passage where it stood', () => {
    expect(doc.text).toContain('"Nobody here is against the tram," said Henrik Sand');
    expect(doc.text.endsWith('would almost certainly rise.')).toBe(true);
    const ad = doc.removed.find((r) => r.text === 'Advertisement')!;
    expect(doc.text.slice(ad.at).startsWith('"Nobody here')).toBe(true);
    expect(doc.removed.find((r) => r.reason === 'footer')!.at).toBe(doc.text.length);
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });

  it('reads pasted text the same way', () => {
    const pasted = importPaste({ text: fixture('tram-line-saved-as-text.txt').toString('utf8') });
    expect(pasted.format).toBe('paste-text');
    expect(pasted.text).toBe(doc.text);
    expect(pasted.title).toBe(doc.title);
  });
});

describe('reader mode for a text browser dump', () => {
  const doc = importDocument({ name: 'glacier.txt', bytes: fixture('glacier-lynx-dump.txt') });

  it('finds the headline under the menus and the byline in "Name - date"', () => {
    expect(doc.title).toBe("The Glacier That Keeps a Valley's Calendar");
    expect(doc.author).toBe('Ruth Okafor');
    expect(doc.published).toBe('Jun 2, 2024');
  });

  it('joins hard-wrapped lines, keeps the subheading, and sets aside the comments and "Most Read"', () => {
    expect(doc.text).toContain('For as long as anyone in the village of Orsa can remember, the first milky stream');
    expect(doc.text).toContain('\n\nWhy the timing matters\n\n');
    expect(doc.text).not.toMatch(/hillwalker|Most Read|Night Train|Share on|BUTTON|#alternate|Podcasts/);
    expect(removedAs(doc, 'comments')).toContain('Comments');
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });
});

describe('reader mode leaves plain notes alone', () => {
  it('takes nothing from a short note but its title line', () => {
    const doc = importDocument({
      name: 'note.txt',
      bytes: Buffer.from('Shopping for the trip\n\nRope, two tents, a stove.\n\nMaps of the valley.'),
    });
    expect(doc.title).toBe('Shopping for the trip');
    expect(doc.text).toBe('Rope, two tents, a stove.\n\nMaps of the valley.');
  });

  it('keeps a list inside the article as a list, and code as preformatted text', () => {
    const text = [
      'How We Rebuilt the Ticket Machine Software',
      '',
      'By Ola Brandt',
      '',
      'The old machines ran a program written in 1998, and nobody who wrote it still works for the company. We started again from the receipts it printed and the complaints it caused.',
      '',
      '* Every fare is computed in whole cents, never in floating point.',
      '* Every receipt can be reprinted from the journal alone.',
      '',
      'The core of the fare rule fits in a few lines, and we kept it that way on purpose so that auditors can read it.',
      '',
      'function fare(zones) {',
      '  if (zones <= 1) return 250;',
      '  return 250 + (zones - 1) * 90;',
      '}',
      '',
      'The new software has run on every machine in the network since March without a single lost ticket.',
    ].join('\n');
    const doc = importDocument({ name: 'tickets.txt', bytes: Buffer.from(text) });
    expect(doc.author).toBe('Ola Brandt');
    expect(doc.html).toContain('<ul><li>Every fare is computed in whole cents, never in floating point.</li>\n<li>');
    expect(doc.html).toContain('<pre>function fare(zones) {\n  if (zones &lt;= 1) return 250;');
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });
});
