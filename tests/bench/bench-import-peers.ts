// Issue 15: import cost against what the libraries alone cost on the same bytes, in the same run, so the
// ratio says how much our own pipeline adds whatever the machine's speed.
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { DOMParser } from 'linkedom';
import MarkdownIt from 'markdown-it';
import { importDocument } from '../../main/import/import-document';
import { row, type BenchRow } from './report';
import { summarise } from './stats';

interface Pair {
  name: string;
  size: string;
  peerName: string;
  limit: number;
  ours: () => void;
  peer: () => void;
}

/** Each run times ours and the peer back to back, so both see the same machine load. */
function ratioRow(pair: Pair, runs: number): BenchRow {
  pair.ours();
  pair.peer();
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    pair.ours();
    ours.push(performance.now() - start);
    start = performance.now();
    pair.peer();
    peer.push(performance.now() - start);
  }
  return row(
    pair.name,
    pair.size,
    '×',
    ours.map((ms, i) => ms / peer[i]!),
    { op: '<', value: pair.limit },
    `ours ${summarise(ours).median.toFixed(0)} ms, ${pair.peerName} ${summarise(peer).median.toFixed(0)} ms`,
  );
}

export function benchImportPeers(page: string, markdown: string, runs: number): BenchRow[] {
  const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  const pageBytes = new TextEncoder().encode(page);
  const markdownBytes = new TextEncoder().encode(markdown);
  return [
    ratioRow(
      {
        name: 'Import 1 MB saved news page vs the libraries alone',
        size: `${(pageBytes.length / 1048576).toFixed(2)} MB .html`,
        peerName: 'linkedom + Readability + DOMPurify',
        limit: 1.5,
        ours: () => void importDocument({ name: 'saved-page.html', bytes: pageBytes }),
        peer: () => {
          const doc = new DOMParser().parseFromString(page, 'text/html') as unknown as Document;
          const article = new Readability(doc).parse();
          purify.sanitize(article?.content ?? '');
        },
      },
      runs,
    ),
    ratioRow(
      {
        name: 'Import 1 MB .md vs markdown-it alone',
        size: `${(markdownBytes.length / 1048576).toFixed(2)} MB .md`,
        peerName: 'markdown-it',
        limit: 3,
        ours: () => void importDocument({ name: 'bench.md', bytes: markdownBytes }),
        peer: () => void new MarkdownIt({ html: true }).render(markdown),
      },
      runs,
    ),
  ];
}
