// Import speed through the real pipeline (decode, extract, sanitize, canonical
// text) on generated 1 MB files of each format.
import MarkdownIt from 'markdown-it';
import { importDocument } from '../../main/import/import-document';
import { benchImportPeers } from './bench-import-peers';
import { row, type BenchRow } from './report';
import { asHtmlPage, asMarkdown, asSavedNewsPage, asText, documentOfBytes } from './seeded';
import { summarise, timeRunsWithin } from './stats';

const MB = 1024 * 1024;

export async function benchImport(runs = 7): Promise<BenchRow[]> {
  const files = [
    { name: 'bench.txt', data: documentOfBytes(MB, 101, (p) => asText('A generated plain-text article', p)) },
    { name: 'bench.md', data: documentOfBytes(MB, 102, (p) => asMarkdown('A generated Markdown article', p)) },
    { name: 'bench.html', data: documentOfBytes(MB, 103, (p) => asHtmlPage('A generated saved web page', p)) },
  ];
  const rows: BenchRow[] = [];
  for (const file of files) {
    const bytes = new TextEncoder().encode(file.data);
    const times = await timeRunsWithin(runs, 3, 15_000, () => {
      const doc = importDocument({ name: file.name, bytes });
      if (doc.wordCount < 1000) throw new Error(`${file.name} imported only ${doc.wordCount} words.`);
    });
    const size = `${(bytes.length / MB).toFixed(2)} MB .${file.name.split('.').pop()}`;
    const ext = file.name.split('.').pop()!;
    rows.push(
      row(
        `Import .${ext} (throughput)`,
        size,
        'MB/s',
        times.map((ms) => bytes.length / MB / (ms / 1000)),
      ),
    );
    if (ext === 'html') {
      rows.push(
        row(
          'Import 1 MB .html, all of it article text (worst case)',
          `${size}, ${Math.round(bytes.length / 7000)}k words`,
          'ms',
          times,
          { op: '<', value: 1000 },
        ),
      );
    }
  }
  // What a saved news page of 1 MB usually is: a long article in a lot of page.
  const pageHtml = asSavedNewsPage(MB, 104);
  const page = new TextEncoder().encode(pageHtml);
  const pageTimes = await timeRunsWithin(runs, 3, 15_000, () => {
    const doc = importDocument({ name: 'saved-page.html', bytes: page });
    if (doc.wordCount < 7000) throw new Error(`The saved page imported only ${doc.wordCount} words.`);
  });
  rows.push(
    row(
      'Import 1 MB saved news page (issue 2)',
      `${(page.length / MB).toFixed(2)} MB .html, 8k-word article`,
      'ms',
      pageTimes,
      { op: '<', value: 1000 },
    ),
  );
  rows.push(...benchImportPeers(pageHtml, files[1]!.data, runs));
  rows.push(...(await benchPathologicalMarkdown(Math.min(runs, 3))));
  return rows;
}

/** Issue 16: 1 MB of `*_[` spent 25 s in the Markdown importer; markdown-it alone on the same bytes is the peer. */
async function benchPathologicalMarkdown(runs: number): Promise<BenchRow[]> {
  const source = `# Stars\n\nA few words first.\n\n${'*_['.repeat(Math.ceil(MB / 3))}`.slice(0, MB);
  const bytes = new TextEncoder().encode(source);
  const times = await timeRunsWithin(runs, 1, 60_000, () => {
    const doc = importDocument({ name: 'stars.md', bytes });
    if (doc.wordCount < 3) throw new Error('The pathological Markdown imported no words.');
  });
  const peer = await timeRunsWithin(runs, 1, 60_000, () => new MarkdownIt({ html: true }).render(source));
  const peerMedian = summarise(peer).median;
  return [
    row(
      'Import 1 MB of `*_[` Markdown (pathological)',
      '1.00 MB .md',
      'ms',
      times,
      { op: '<', value: 3 * peerMedian },
      `target: 3× markdown-it alone on the same bytes (${peerMedian.toFixed(0)} ms); was 25 s`,
    ),
  ];
}
