import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../annotations/anchor';
import { loadFixture } from '../../tests/support/export-fixtures';
import { parseWebAnnotations, toWebAnnotations, webAnnotationsJson, type AnchorFn } from './web-annotation';

const anchor: AnchorFn = (text, selectors) => anchorSelectors(text, selectors);

describe('W3C Web Annotation export', () => {
  it('writes the W3C shape: context, TextualBody note and tags, both selectors, color as styleClass', () => {
    const f = loadFixture('article');
    const out = toWebAnnotations(f.article.id, f.annotations);
    const green = out.find((a) => a.id === 'urn:gloss:annotation:ann-02')!;
    expect(green['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(green.type).toBe('Annotation');
    expect(green.motivation).toBe('commenting');
    expect(green.body).toEqual([
      {
        type: 'TextualBody',
        value: 'Who made the *copies*, and when?',
        purpose: 'commenting',
        format: 'text/markdown',
      },
      { type: 'TextualBody', value: 'provenance', purpose: 'tagging' },
    ]);
    expect(green.target.styleClass).toBe('gloss-green');
    expect(green.target.source).toBe('urn:gloss:article:art-harbour-ledger');
    expect(toWebAnnotations(f.article.id, f.annotations, 'https://example.org/ledger')[0]!.target.source).toBe(
      'https://example.org/ledger',
    );
    expect(green.target.selector.map((s) => s.type)).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    expect(green.target.selector[1].exact).toBe('copied three times. Nobody at the port authority');
  });
});

describe('W3C Web Annotation import', () => {
  const f = loadFixture('article');
  let n = 0;
  const ctx = { article: f.article, anchor, now: '2026-11-27T00:00:00.000Z', newId: () => `new-${++n}` };

  it('round-trips every annotation (color, note, tags, offsets)', () => {
    const back = parseWebAnnotations(webAnnotationsJson(f.article.id, f.annotations), ctx);
    const byId = new Map(back.annotations.map((a) => [a.id, a]));
    for (const a of f.annotations) {
      const b = byId.get(a.id)!;
      expect(b.body).toEqual(a.body);
      if (a.status !== 'orphan') expect(b.target.selector[0]).toEqual(a.target.selector[0]);
      else expect(b.status).toBe('orphan');
    }
  });

  it('re-anchors by quote when positions are off, and keeps unplaceable ones as orphans', () => {
    const text = f.article.text;
    const start = text.indexOf('María Soto');
    const json = JSON.stringify({
      type: 'AnnotationCollection',
      first: {
        items: [
          {
            type: 'Annotation',
            id: 'https://hypothes.is/a/abc',
            body: [{ type: 'TextualBody', value: 'moved note' }],
            target: {
              selector: [
                { type: 'TextPositionSelector', start: start + 40, end: start + 50 },
                { type: 'TextQuoteSelector', exact: 'María Soto', prefix: 'said ', suffix: ', who' },
              ],
            },
          },
          {
            type: 'Annotation',
            target: { selector: { type: 'TextQuoteSelector', exact: 'words that are nowhere in the article' } },
          },
        ],
      },
    });
    const [moved, orphan] = parseWebAnnotations(json, ctx).annotations;
    expect(moved!.target.selector[0]).toEqual({ type: 'TextPositionSelector', start, end: start + 10 });
    expect(moved!.status).toBe('anchored');
    expect(moved!.body.note).toBe('moved note');
    expect(moved!.id).toMatch(/^new-/);
    expect(orphan!.status).toBe('orphan');
    expect(orphan!.target.selector[1].exact).toBe('words that are nowhere in the article');
  });

  it('reads Hypothesis-style text and tags', () => {
    const json = JSON.stringify({
      rows: [
        { text: 'hyp note', tags: ['t1'], target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'ARR-07' }] }] },
      ],
    });
    const [a] = parseWebAnnotations(json, ctx).annotations;
    expect(a!.body).toEqual({ color: 'yellow', note: 'hyp note', tags: ['t1'] });
    expect(f.article.text.slice(a!.target.selector[0].start, a!.target.selector[0].end)).toBe('ARR-07');
  });

  it('rejects files that are not annotations with a clear error', () => {
    expect(() => parseWebAnnotations('{not json', ctx)).toThrow(/not valid JSON/);
    expect(() => parseWebAnnotations('[]', ctx)).toThrow(/No annotations/);
    expect(parseWebAnnotations('[{"type":"Annotation","body":"x"}]', ctx)).toEqual({
      annotations: [],
      skipped: { 'page note': 1 },
    });
  });

  it('reads bodyValue, and the Hypothesis client’s export file, counting what it skips and why', () => {
    const quote = (exact: string) => [{ type: 'TextQuoteSelector', exact }];
    const json = JSON.stringify({
      export_date: '2026-11-20T10:00:00.000Z',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        {
          id: 'h1',
          created: '2026-11-01T10:00:00.000Z',
          updated: '2026-11-02T10:00:00.000Z',
          uri: 'https://example.org/ledger',
          text: 'from Hypothesis',
          tags: ['hyp'],
          target: [{ source: 'https://example.org/ledger', selector: quote('hull number') }],
        },
        { id: 'h2', text: 'a page note', tags: [], target: [{ source: 'https://example.org/ledger' }] },
        { id: 'h3', text: 'a reply', references: ['h1'], target: [{ source: 'https://example.org/ledger' }] },
        {
          id: 'h4',
          text: 'only a range',
          target: [{ selector: [{ type: 'RangeSelector', startContainer: '/p[1]', endContainer: '/p[1]' }] }],
        },
      ],
    });
    const parsed = parseWebAnnotations(json, ctx);
    expect(parsed.annotations.map((a) => [a.body.note, a.body.tags, a.modified])).toEqual([
      ['from Hypothesis', ['hyp'], '2026-11-02T10:00:00.000Z'],
    ]);
    expect(parsed.skipped).toEqual({ 'page note': 1, reply: 1, 'no text selector': 1 });
    const bodyValue = parseWebAnnotations(
      JSON.stringify({ type: 'Annotation', bodyValue: 'a plain note', target: { selector: quote('ARR-07') } }),
      ctx,
    );
    expect(bodyValue.annotations[0]!.body.note).toBe('a plain note');
  });
});
