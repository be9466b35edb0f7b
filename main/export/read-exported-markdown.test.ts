import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../annotations/anchor';
import { importDocument } from '../import/import-document';
import { loadFixture } from '../../tests/support/export-fixtures';
import { exportArticleMarkdown } from './markdown-export';
import { readExportedMarkdown } from './read-exported-markdown';
import { restoreAnnotations } from './restore-annotations';
import { normalize } from '../../tests/support/render-check';

const EXPORTED = '2026-11-27T12:00:00.000Z';

describe('readExportedMarkdown', () => {
  it('returns null for Markdown Gloss did not export', () => {
    expect(readExportedMarkdown('# Just notes\n\nHello')).toBeNull();
    expect(readExportedMarkdown('---\ntitle: x\n---\n\nBody')).toBeNull();
  });

  for (const mode of ['full', 'highlights'] as const) {
    it(`${mode} mode: restores metadata, article note and every annotation exactly`, () => {
      for (const name of ['article', 'escaping']) {
        const f = loadFixture(name);
        const md = exportArticleMarkdown({ ...f, options: { mode }, exported: EXPORTED }).markdown;
        const back = readExportedMarkdown(md)!;
        expect(back.meta).toMatchObject({
          id: f.article.id,
          title: f.article.title,
          author: f.article.author,
          mode,
          textSha256: f.article.textSha256,
        });
        expect(back.tags).toEqual(f.article.tags);
        expect(back.note).toBe(f.article.note);
        const expected = f.annotations.map((a) => ({
          id: a.id,
          body: a.body,
          status: a.status,
          start: a.target.selector[0].start,
          exact: a.target.selector[1].exact,
        }));
        const got = back.annotations.map((a) => ({
          id: a.id,
          body: a.body,
          status: a.status,
          start: a.start,
          exact: a.exact,
        }));
        expect(got.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(expected.sort((x, y) => (x.id < y.id ? -1 : 1)));
      }
    });
  }

  it('takes notes, colors and tags the user edited in Obsidian from the visible text', () => {
    const f = loadFixture('article');
    const md = exportArticleMarkdown({ ...f, exported: EXPORTED }).markdown;
    const edited = md
      .replace(
        '[^1]: (green) #provenance\n\n    Who made the *copies*, and when?',
        '[^1]: (blue) #provenance #checked\n\n    Rewritten in Obsidian.',
      )
      .replace('> Follow up with the archive in Santiago.', '> Follow up by email instead.')
      .replace('tags:\n  - "ports"\n  - "audit_trail"', 'tags:\n  - ports\n  - shipping');
    const back = readExportedMarkdown(edited)!;
    const a2 = back.annotations.find((a) => a.id === 'ann-02')!;
    expect(a2.body).toEqual({ color: 'blue', note: 'Rewritten in Obsidian.', tags: ['provenance', 'checked'] });
    expect(back.note).toBe('Read for the **provenance** piece.\n\nFollow up by email instead.');
    expect(back.tags).toEqual(['ports', 'shipping']);
    // Untouched ones still come from the lossless copy.
    expect(back.annotations.find((a) => a.id === 'ann-05')!.body.note).toBe('Auditor; find her report.');

    const hl = exportArticleMarkdown({ ...f, options: { mode: 'highlights' }, exported: EXPORTED }).markdown;
    const hlEdited = hl.replace('(purple)\n\nAuditor; find her report.', '(purple)\n\nAuditor; report found.');
    expect(readExportedMarkdown(hlEdited)!.annotations.find((a) => a.id === 'ann-05')!.body.note).toBe(
      'Auditor; report found.',
    );
  });

  it('notes that imitate the digest structure still come back whole', () => {
    const f = loadFixture('article');
    const tricky = '## Entities\n\n> a quote of mine ^h123456\n\n### Green\n\nend';
    f.annotations[4]!.body.note = tricky;
    for (const mode of ['full', 'highlights'] as const) {
      const md = exportArticleMarkdown({ ...f, options: { mode }, exported: EXPORTED }).markdown;
      expect(readExportedMarkdown(md)!.annotations.find((a) => a.id === f.annotations[4]!.id)!.body.note).toBe(tricky);
    }
  });

  it('without the data block, recovers highlights, colors, tags and notes from the visible marks', () => {
    const f = loadFixture('lists');
    const md = exportArticleMarkdown({ ...f, exported: EXPORTED }).markdown;
    const stripped = md.slice(0, md.indexOf('%% gloss:data'));
    const back = readExportedMarkdown(stripped)!;
    const imported = importDocument({ name: 'back.md', bytes: new TextEncoder().encode(back.bodyMarkdown) });
    const restored = restoreAnnotations('x', imported.text, back.annotations, (t, sel) => anchorSelectors(t, sel));
    const summary = restored.map((a) => [a.target.selector[1].exact, a.body.color, a.body.tags, a.body.note]);
    expect(summary).toEqual([
      ['emphasised link', 'blue', [], 'Inside a link: the footnote goes after the link.'],
      ['Nested one, with inline code', 'green', [], ''],
      ['Nested two\nwith', 'yellow', [], ''],
      ['bold and', 'pink', ['formatting'], ''],
      ['first paragraph.\n\nSecond paragraph', 'purple', [], 'Across two quoted paragraphs.'],
    ]);
    expect(restored.every((a) => a.status !== 'orphan')).toBe(true);
  });

  it('ignores what the user wrote in user sections', () => {
    const f = loadFixture('article');
    const md = exportArticleMarkdown({ ...f, exported: EXPORTED }).markdown.replace(
      '%% gloss:user-start %%\n\n%% gloss:user-end %%',
      '%% gloss:user-start %%\n> [!note] Article note\n> not the article note\n\n[^1]: fake footnote\n%% gloss:user-end %%',
    );
    const back = readExportedMarkdown(md)!;
    expect(back.note).toBe(f.article.note);
    expect(back.annotations.find((a) => a.id === 'ann-02')!.body.note).toBe('Who made the *copies*, and when?');
  });

  it('gives back body Markdown that the import pipeline turns into the same text, where every highlight re-anchors', () => {
    for (const name of ['article', 'escaping', 'lists']) {
      const f = loadFixture(name);
      const md = exportArticleMarkdown({ ...f, exported: EXPORTED }).markdown;
      const back = readExportedMarkdown(md)!;
      expect(back.bodyMarkdown).not.toMatch(/==[^=]|\[\^\d+\]/);
      const imported = importDocument({ name: 'back.md', bytes: new TextEncoder().encode(back.bodyMarkdown) });
      expect(normalize(imported.text)).toBe(normalize(f.article.text));
      const restored = restoreAnnotations('new-id', imported.text, back.annotations, (t, sel) =>
        anchorSelectors(t, sel),
      );
      for (const a of restored) {
        const original = f.annotations.find((x) => x.id === a.id)!;
        expect(a.body).toEqual(original.body);
        expect(a.status, a.id).toBe(original.status);
        if (a.status !== 'orphan') expect(a.target.selector[1].exact).toBe(original.target.selector[1].exact);
      }
    }
  });
});
