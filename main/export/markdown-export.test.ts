import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../model/contract';
import {
  FIXTURE_DIR,
  loadFixture,
  makeAnnotation,
  randomHighlights,
  seededRandom,
} from '../../tests/support/export-fixtures';
import { exportArticleMarkdown } from './markdown-export';
import { readExportedMarkdown } from './read-exported-markdown';
import { bodyAndFootnotes, normalize, renderMarkdown, renderedBodyText } from '../../tests/support/render-check';

const EXPORTED = '2026-11-27T12:00:00.000Z';

const words = (s: string): string[] => [...s.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);

function golden(name: string, actual: string): void {
  const path = `${FIXTURE_DIR}${name}`;
  if (process.env.UPDATE_GOLDENS || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function exportFixture(name: string, options: ExportOptions = {}, existing?: string): string {
  const f = loadFixture(name);
  return exportArticleMarkdown({ ...f, options, exported: EXPORTED, ...(existing ? { existing } : {}) }).markdown;
}

describe('exportArticleMarkdown goldens (the goldens are the spec)', () => {
  it('full mode', () => golden('article.full.golden.md', exportFixture('article')));
  it('highlights mode in document order', () =>
    golden('article.highlights.golden.md', exportFixture('article', { mode: 'highlights' })));
  it('highlights mode grouped by color, wikilinks, no entities', () =>
    golden(
      'article.by-color.golden.md',
      exportFixture('article', { mode: 'highlights', groupBy: 'color', wikilinks: true }),
    ));
  it('full mode with wikilinks and without entities', () => {
    const md = exportFixture('article', { entities: false });
    expect(md).not.toContain('## Entities');
    expect(exportFixture('article', { wikilinks: true })).toContain('- [[María Soto]] (2 mentions)');
  });
  it('lists, quotes, code and links', () => golden('lists.full.golden.md', exportFixture('lists')));
  it('escaping fixture', () => golden('escaping.full.golden.md', exportFixture('escaping')));
  it('escaping fixture, highlights mode', () =>
    golden('escaping.highlights.golden.md', exportFixture('escaping', { mode: 'highlights' })));
});

describe('full mode renders the article exactly', () => {
  for (const name of ['article', 'escaping', 'lists']) {
    it(`${name}: rendered text equals the article text, every highlight marked, every note shown`, () => {
      const f = loadFixture(name);
      const md = exportArticleMarkdown({ ...f, exported: EXPORTED }).markdown;
      expect(renderedBodyText(md)).toBe(normalize(f.article.text));
      const frag = renderMarkdown(md);
      const marked = words([...frag.querySelectorAll('mark')].map((m) => m.textContent).join(' '));
      for (const a of f.annotations.filter((x) => x.status !== 'orphan')) {
        // esc-06 cannot be marked (see its note) and ann-06 sits in a code block; their footnotes still show.
        if (a.id === 'esc-06' || a.id === 'ann-06' || a.id === 'l-6') continue;
        for (const w of words(a.target.selector[1].exact)) expect(marked).toContain(w);
      }
      const shown = words(frag.textContent ?? '');
      for (const a of f.annotations) for (const w of words(a.body.note)) expect(shown).toContain(w);
    });
  }

  for (const seed of [1, 2, 3]) {
    it(`seeded random highlights (seed ${seed}) survive export, render and re-import`, () => {
      const f = loadFixture(seed === 3 ? 'escaping' : 'article');
      const annotations = randomHighlights(f.article, 40, seed);
      const md = exportArticleMarkdown({ ...f, annotations, exported: EXPORTED }).markdown;
      expect(renderedBodyText(md)).toBe(normalize(f.article.text));

      const frag = renderMarkdown(md);
      const marked = words([...frag.querySelectorAll('mark')].map((m) => m.textContent).join(' '));
      // Code blocks cannot hold marks: words only found in the fixture's code block are skipped.
      const codeBlock = new Set(words(f.article.html.match(/<pre>[\s\S]*?<\/pre>/)?.[0] ?? ''));
      for (const a of annotations) {
        for (const w of words(a.target.selector[1].exact)) if (!codeBlock.has(w)) expect(marked).toContain(w);
      }
      const footnotes = normalize(frag.querySelector('section.footnotes')?.textContent ?? '');
      for (const a of annotations.filter((x) => x.body.note)) {
        expect(footnotes).toContain(normalize(renderMarkdown(a.body.note).textContent ?? ''));
      }

      const back = readExportedMarkdown(md)!;
      expect(back.annotations).toEqual(
        annotations
          .map((a) => ({
            id: a.id,
            created: a.created,
            modified: a.modified,
            status: a.status,
            body: a.body,
            start: a.target.selector[0].start,
            end: a.target.selector[0].end,
            exact: a.target.selector[1].exact,
            prefix: a.target.selector[1].prefix,
            suffix: a.target.selector[1].suffix,
          }))
          .sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1)),
      );
    });
  }
});

describe('arbitrary highlights never change the text', () => {
  it('highlights at any character offsets (mid-word, in code, across blocks) leave the rendered text intact', () => {
    for (let seed = 1; seed <= 9; seed++) {
      const f = loadFixture(seed % 3 === 0 ? 'escaping' : seed % 3 === 1 ? 'article' : 'lists');
      const rand = seededRandom(seed * 7);
      const annotations = Array.from({ length: 120 }, (_, i) => {
        const s = Math.floor(rand() * (f.article.text.length - 1));
        const e = Math.min(f.article.text.length, s + 1 + Math.floor(rand() * 80));
        return makeAnnotation(f.article, `x${i}`, s, e, { color: 'green', note: rand() < 0.5 ? `n${i}` : '' }, i);
      });
      const md = exportArticleMarkdown({ ...f, annotations, exported: EXPORTED }).markdown;
      expect(renderedBodyText(md), `seed ${seed}`).toBe(normalize(f.article.text));
      expect(readExportedMarkdown(md)!.annotations).toHaveLength(annotations.length);
    }
  });
});

describe('escaping', () => {
  it('hostile notes come out inert even where raw HTML is allowed', () => {
    const md = exportFixture('escaping');
    const frag = renderMarkdown(md, true);
    expect(frag.querySelector('script, img, iframe, [onerror], b')).toBeNull();
    for (const a of frag.querySelectorAll('a[href]')) {
      expect(a.getAttribute('href')).toMatch(/^(https:|mailto:|#fn)/);
    }
    const mdFrag = renderMarkdown(md, true);
    expect(mdFrag.textContent).toContain('</mark><script>alert(1)</script>');
    const digest = renderMarkdown(exportFixture('escaping', { mode: 'highlights' }), true);
    expect(digest.querySelector('script, img, iframe, [onerror], b')).toBeNull();
    for (const a of digest.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https:|mailto:)/);
  });

  it('places highlights by quote when the HTML text differs from the canonical text', () => {
    const f = loadFixture('article');
    // An older import whose canonical text lost a sentence the HTML still has.
    const article = { ...f.article, text: f.article.text.replace('Soto’s audit ran to 212 pages. ', '') };
    const shift = f.article.text.length - article.text.length;
    const annotations = f.annotations.map((a) => {
      const [p, q] = a.target.selector;
      if (p.start < f.article.text.indexOf('Soto’s audit')) return a;
      return {
        ...a,
        target: {
          ...a.target,
          selector: [{ ...p, start: p.start - shift, end: p.end - shift }, q] as typeof a.target.selector,
        },
      };
    });
    const md = exportArticleMarkdown({ ...f, article, annotations, exported: EXPORTED }).markdown;
    expect(md).toContain('*==write==[^6] ==things down==[^7]*');
  });

  it('article text with markup characters is not markup', () => {
    const frag = renderMarkdown(bodyAndFootnotes(exportFixture('escaping')), true);
    const bodyHeadings = [...frag.querySelectorAll('h1,h2,h3')].map((h) => h.textContent);
    expect(bodyHeadings).not.toContain('Not a heading');
    expect(frag.querySelectorAll('li:not(.footnote-item)').length).toBe(0);
    const text = frag.textContent ?? '';
    for (const s of [
      '#hashtag',
      '[[not a wikilink]]',
      '==not a mark==',
      '%%not a comment%%',
      '*stars*',
      '_underscores_',
      '`backticks`',
      '&amp;',
      '&lt;b&gt;',
      '<script>alert(1)</script>',
      '~~not struck~~',
      'back\\slash',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('the article note keeps its Markdown but not its HTML or unsafe links', () => {
    const md = exportFixture('escaping');
    expect(md).toContain(
      '> Article note with &lt;b>raw html&lt;/b> and [bad]\\(javascript:alert(1)) and &#37;&#37; gloss:user-end &#37;&#37;',
    );
  });
});

describe('determinism and user sections', () => {
  it('same input gives the same bytes; only `exported` changes with the clock', () => {
    const f = loadFixture('article');
    const a = exportArticleMarkdown({ ...f, exported: EXPORTED }).markdown;
    const shuffled = { ...f, annotations: [...f.annotations].reverse(), entities: [...f.entities].reverse() };
    expect(exportArticleMarkdown({ ...shuffled, exported: EXPORTED }).markdown).toBe(a);
    const later = exportArticleMarkdown({ ...f, exported: '2027-01-01T00:00:00.000Z' }).markdown;
    expect(later.replace(/^exported: .*$/m, '')).toBe(a.replace(/^exported: .*$/m, ''));
  });

  it('keeps user sections at their place and regenerates the rest', () => {
    const first = exportFixture('article');
    const edited = first
      .replace(
        '%% gloss:user-start %%\n\n%% gloss:user-end %%',
        '%% gloss:user-start %%\nMy summary: *read twice*.\n%% gloss:user-end %%',
      )
      .replace(
        '## What the clerks wrote\n',
        '## What the clerks wrote\n\n%% gloss:user-start %%\nCheck the clerk names.\n%% gloss:user-end %%\n',
      )
      .replace('# The Harbour Ledger', '# Edited title that Gloss will overwrite');
    const f = loadFixture('article');
    f.annotations[0]!.body.note = 'A new note after the first export.';
    const again = exportArticleMarkdown({ ...f, exported: EXPORTED, existing: edited }).markdown;
    expect(again).toContain('%% gloss:user-start %%\nMy summary: *read twice*.\n%% gloss:user-end %%');
    expect(again).toContain(
      '## What the clerks wrote\n\n%% gloss:user-start %%\nCheck the clerk names.\n%% gloss:user-end %%\n\nThe clerks',
    );
    expect(again).toContain('A new note after the first export.');
    expect(again).toContain('# The Harbour Ledger');
    expect(again).not.toContain('Edited title');
    expect(again.indexOf('My summary')).toBeLessThan(again.indexOf('gloss:body-start'));
    // Re-running on its own output changes nothing.
    expect(exportArticleMarkdown({ ...f, exported: EXPORTED, existing: again }).markdown).toBe(again);
  });

  it('a plain re-export of an untouched file is byte-identical', () => {
    const first = exportFixture('article', { mode: 'highlights' });
    expect(exportFixture('article', { mode: 'highlights' }, first)).toBe(first);
  });
});
