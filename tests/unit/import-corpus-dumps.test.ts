// Reader mode on text dumps of real pages: the corpus pages dumped at test time with Debian's lynx and
// w3m (.ci/run installs them), imported as .txt. Scored as a reader would judge them: is the title the
// headline, is the article all there, and is the text only the article.
import { describe, expect, it } from 'vitest';
import { textContentOfHtml } from '../../main/import/fragment-text';
import { importDocument } from '../../main/import/import-document';
import { corpusAvailable, corpusPages } from '../support/corpus/readability-pages';
import {
  DUMP_TOOLS,
  dumpPage,
  scoreDump,
  summarizeDumps,
  toolAvailable,
  type DumpTool,
} from '../support/corpus/text-dumps';

// Floors under the measured figures (README, "Known gaps"): a change that reads dumps worse fails here.
const FLOORS = { titleOfFindable: 0.5, recall: 0.9, precision: 0.78 };

describe.each(Object.keys(DUMP_TOOLS) as DumpTool[])('reader mode on %s -dump text of the corpus pages', (tool) => {
  // Never skipped: CI has ../shared beside the clone, and .ci/run installs lynx and w3m.
  it('has the corpus and the tool to dump it', () => {
    expect(corpusAvailable(), 'the Readability corpus in ../shared/corpora').toBe(true);
    expect(toolAvailable(tool), `${tool} (installed by .ci/run)`).toBe(true);
  });
  it('finds the headline and keeps the article without the page around it', () => {
    const pages = corpusPages();
    const scores = pages.map((page) => scoreDump(page, tool));
    const s = summarizeDumps(scores);
    console.log(
      `${tool} -dump (${s.of} pages): title ${s.title}/${s.of}, ${s.titleOfFindable}/${s.findable} where the headline is in the text; ` +
        `article words kept ${(100 * s.recall).toFixed(1)}%, text that is article ${(100 * s.precision).toFixed(1)}%`,
    );
    expect(s.of).toBe(130);
    expect(s.titleOfFindable / s.findable).toBeGreaterThanOrEqual(FLOORS.titleOfFindable);
    expect(s.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(s.precision).toBeGreaterThanOrEqual(FLOORS.precision);
  });

  it('writes text that is exactly its HTML’s text, with every removed passage in place', () => {
    const problems: string[] = [];
    for (const page of corpusPages()) {
      const dump = dumpPage(page, tool);
      if (dump.trim() === '') continue;
      const doc = importDocument({ name: `${page.name}.txt`, bytes: new TextEncoder().encode(dump) });
      if (textContentOfHtml(doc.html) !== doc.text) problems.push(`${page.name}: text and HTML differ`);
      if (doc.removed.some((r) => r.at < 0 || r.at > doc.text.length || !dump.includes(r.text))) {
        problems.push(`${page.name}: a removed passage is not the dump's own text, or out of place`);
      }
    }
    expect(problems).toEqual([]);
  });
});
