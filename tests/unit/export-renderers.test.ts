// Every export fixture, in every mode, rendered by every Markdown renderer a
// user's file meets: the article reads as written, every highlight is marked,
// every footnote resolves, every note shows, and nothing hostile is live.
// GLOSS_RENDER_REPORT=1 prints the findings per renderer.
import { describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../main/model/contract';
import { loadFixture, randomHighlights, type Fixture } from '../support/export-fixtures';
import { exportArticleMarkdown } from '../../main/export/markdown-export';
import { checkExports, type ExportCase, type RendererFinding } from '../support/export-check';
import { RENDERERS } from '../support/markdown-renderers';

const EXPORTED = '2026-11-27T12:00:00.000Z';
const FIXTURES = ['article', 'escaping', 'lists', 'hostile', 'structure'];

function exportCase(name: string, f: Fixture, options: ExportOptions): ExportCase {
  const markdown = exportArticleMarkdown({ ...f, options, exported: EXPORTED }).markdown;
  return {
    name,
    markdown,
    text: options.mode === 'highlights' ? null : f.article.text,
    highlights: f.annotations.map((a) => ({
      id: a.id,
      start: a.target.selector[0].start,
      end: a.target.selector[0].end,
      note: a.body.note,
      exact: a.target.selector[1].exact,
      orphan: a.status === 'orphan',
    })),
  };
}

function exportCases(): ExportCase[] {
  const cases: ExportCase[] = [];
  for (const name of FIXTURES) {
    const f = loadFixture(name);
    cases.push(exportCase(`${name} full`, f, {}));
    cases.push(exportCase(`${name} highlights`, f, { mode: 'highlights' }));
    cases.push(exportCase(`${name} by color, wikilinks`, f, { mode: 'highlights', groupBy: 'color', wikilinks: true }));
  }
  for (const [seed, name] of [
    [1, 'article'],
    [2, 'lists'],
    [3, 'escaping'],
    [4, 'structure'],
  ] as const) {
    const f = loadFixture(name);
    cases.push(exportCase(`${name} seeded ${seed}`, { ...f, annotations: randomHighlights(f.article, 40, seed) }, {}));
  }
  return cases;
}

function problems(f: RendererFinding): string[] {
  const out: string[] = [];
  if (f.hostile.length) out.push(`live: ${f.hostile.join(', ')}`);
  if (f.textMismatch) out.push(`text: ${f.textMismatch}`);
  if (f.unmarked.length) out.push(`unmarked: ${f.unmarked.join(' ')}`);
  if (f.unresolvedFootnotes) out.push(`${f.unresolvedFootnotes} unresolved footnotes`);
  if (f.missingNotes.length) out.push(`notes not shown: ${f.missingNotes.join(' ')}`);
  if (f.swallowed.length) out.push(`swallowed: ${f.swallowed.join(' ')}`);
  return out;
}

describe('exports read as written in every renderer', () => {
  const cases = exportCases();
  for (const renderer of RENDERERS) {
    it(renderer.name, async () => {
      const findings = await checkExports(cases, renderer);
      if (process.env.GLOSS_RENDER_REPORT) {
        const sum = (pick: (f: RendererFinding) => number): number => findings.reduce((n, f) => n + pick(f), 0);
        console.log(
          JSON.stringify({
            renderer: renderer.name,
            cases: findings.length,
            liveHostile: sum((f) => f.hostile.length),
            textMismatches: sum((f) => (f.textMismatch ? 1 : 0)),
            unmarkedHighlights: sum((f) => f.unmarked.length),
            unresolvedFootnotes: sum((f) => f.unresolvedFootnotes),
            notesNotShown: sum((f) => f.missingNotes.length),
            swallowed: sum((f) => f.swallowed.length),
          }),
        );
        for (const f of findings) for (const p of problems(f)) console.log(`  ${f.case}: ${p}`);
      }
      expect(findings.flatMap((f) => problems(f).map((p) => `${f.case}: ${p}`))).toEqual([]);
    });
  }
});
