// `npm run eval:import [-- --failures] [-- --dumps]`: per-field match rates of import on Mozilla
// Readability's test pages (../shared/corpora/readability-test-pages), and the pages that miss.
import { corpusAvailable, CORPUS_DIR } from '../support/corpus/readability-pages';
import { formatRates, matchRates, runCorpus } from '../support/corpus/run-corpus';
import { FIELDS } from '../support/corpus/score-page';

if (!corpusAvailable()) {
  console.error(`The corpus is not at ${CORPUS_DIR}.`);
  process.exit(1);
}
const t0 = performance.now();
const results = process.argv.includes('--dumps-only') ? [] : runCorpus();
console.log(formatRates(`Saved pages (${results.length})`, matchRates(results)));
console.log(
  `${((performance.now() - t0) / 1000).toFixed(1)} s; slowest: ${results
    .toSorted((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((r) => `${r.name} ${r.ms.toFixed(0)} ms`)
    .join(', ')}`,
);
if (process.argv.includes('--failures')) {
  for (const field of FIELDS) {
    const misses = results.filter((r) => !r.score[field].ok);
    console.log(`\n## ${field}: ${misses.length} misses`);
    for (const r of misses) {
      const s = r.score[field];
      console.log(
        `  ${r.name}: expected ${JSON.stringify(s.expected)}, got ${JSON.stringify(s.got)}${r.error ? ` (${r.error})` : ''}`,
      );
    }
  }
}

if (process.argv.includes('--dumps')) {
  const { corpusPages } = await import('../support/corpus/readability-pages');
  const { scoreDump, summarizeDumps, DUMP_TOOLS } = await import('../support/corpus/text-dumps');
  for (const tool of Object.keys(DUMP_TOOLS) as (keyof typeof DUMP_TOOLS)[]) {
    const scores = corpusPages().map((p) => scoreDump(p, tool));
    const s = summarizeDumps(scores);
    console.log(
      `\n${tool} -dump (${s.of}): title ${s.title}/${s.of} (${((100 * s.title) / s.of).toFixed(0)}%; ` +
        `${s.titleOfFindable}/${s.findable} where the headline is in the text), ` +
        `article words kept ${(100 * s.recall).toFixed(1)}%, text that is article ${(100 * s.precision).toFixed(1)}%, ` +
        `clean (both ≥ 90%) ${s.clean}/${s.of}`,
    );
    if (process.argv.includes('--failures')) {
      for (const d of scores.filter((x) => !x.titleOk && x.findable)) {
        console.log(`  ${d.name}: title ${JSON.stringify(d.title)} (expected ${JSON.stringify(d.expectedTitle)})`);
      }
      for (const d of scores.filter((x) => x.recall < 0.9 || x.precision < 0.9)) {
        console.log(`  ${d.name}: recall ${d.recall.toFixed(2)} precision ${d.precision.toFixed(2)}`);
      }
    }
  }
}
