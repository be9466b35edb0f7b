// Generated libraries for the UI and memory benchmarks, written through the
// storage API itself (openLibraryStore), so the files are exactly what the app reads.
import { createHash } from 'node:crypto';
import type { Annotation, ArticleSummary, HighlightColor } from '../../main/model/contract';
import { importDocument } from '../../main/import/import-document';
import { openLibraryStore } from '../../main/storage/library-store';
import type { NewStoredArticle } from '../../main/storage/store-types';
import { asText, generateParagraphs, seededRandom } from './seeded';

const sha = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

function summary(
  id: string,
  title: string,
  words: number,
  i: number,
  over: Partial<ArticleSummary> = {},
): ArticleSummary {
  return {
    id,
    title,
    author: i % 3 === 0 ? null : `Writer ${i % 97}`,
    site: i % 4 === 0 ? null : `site-${i % 31}.example.org`,
    published: null,
    source: null,
    sourceUrl: null,
    format: 'txt',
    added: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 238)),
    language: 'en',
    tags: i % 5 === 0 ? ['bench'] : [],
    progress: (i % 10) / 10,
    highlightCount: 0,
    shelf: 'inbox',
    favorite: false,
    opened: null,
    sourceSha256: sha(`${id}-source`),
    ...over,
  };
}

/** A short article built directly (no import), cheap enough for 10,000 of them. */
function smallArticle(i: number, seed: number): NewStoredArticle {
  const p = generateParagraphs(250 + (i % 7) * 60, seed + i);
  const id = `bench-${String(i).padStart(5, '0')}`;
  const text = p.paragraphs.join('\n');
  const html = p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('\n');
  const title = `${p.paragraphs[0]!.split(' ').slice(0, 6).join(' ')} (${i})`;
  return {
    summary: summary(id, title, p.words, i),
    content: { html, text, textSha256: sha(text) },
    source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
  };
}

/** An article imported through the real pipeline from a generated .txt file. */
export function importedArticle(
  id: string,
  title: string,
  opts: { words?: number; chars?: number },
  seed: number,
): NewStoredArticle {
  let words = opts.words ?? Math.ceil((opts.chars ?? 0) / 6.5);
  for (;;) {
    const source = asText(title, generateParagraphs(words, seed));
    const bytes = new TextEncoder().encode(source);
    const doc = importDocument({ name: `${id}.txt`, bytes });
    if (opts.chars && doc.text.length < opts.chars) {
      words = Math.ceil(words * 1.05);
      continue;
    }
    return {
      summary: summary(id, doc.title, doc.wordCount, 0, { sourceSha256: doc.sourceSha256, format: 'txt' }),
      content: { html: doc.html, text: doc.text, textSha256: doc.textSha256 },
      source: { bytes, ext: 'txt' },
    };
  }
}

/** `count` non-overlapping highlights spread over the text, as the reader would store them. */
export function spreadAnnotations(articleId: string, text: string, count: number, seed: number): Annotation[] {
  const rand = seededRandom(seed);
  const step = Math.floor(text.length / Math.max(1, count));
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const start = i * step + Math.floor(rand() * Math.max(1, step / 3));
    const end = Math.min(text.length, start + 15 + Math.floor(rand() * Math.max(1, step / 2)));
    out.push({
      id: `hl-${String(i).padStart(5, '0')}`,
      created: '2026-11-01T00:00:00.000Z',
      modified: '2026-11-01T00:00:00.000Z',
      target: {
        source: articleId,
        selector: [
          { type: 'TextPositionSelector', start, end },
          {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32),
          },
        ],
      },
      body: { color: COLORS[i % COLORS.length]!, note: i % 4 === 0 ? `Note ${i}` : '', tags: [] },
      status: 'anchored',
    });
  }
  return out;
}

export interface GeneratedLibrary {
  dir: string;
  count: number;
  /** Ids of the special articles, when asked for. */
  special: Record<string, string>;
}

/**
 * Writes `count` articles into `dir`: `count - specials.length` short generated
 * ones, plus the special (imported, possibly highlighted) ones.
 */
export async function generateLibrary(
  dir: string,
  count: number,
  specials: NewStoredArticle[] = [],
  seed = 2026,
): Promise<GeneratedLibrary> {
  const store = await openLibraryStore(dir);
  try {
    const special: Record<string, string> = {};
    for (const a of specials) {
      await store.addArticle(a);
      special[a.summary.id] = a.summary.title;
    }
    const small = count - specials.length;
    const BATCH = 100;
    for (let i = 0; i < small; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, small - i) }, (_, k) => smallArticle(i + k, seed));
      await Promise.all(batch.map((a) => store.addArticle(a)));
    }
    await store.flush();
    return { dir, count, special };
  } finally {
    await store.close();
  }
}

export function withAnnotations(article: NewStoredArticle, annotations: Annotation[]): NewStoredArticle {
  return {
    ...article,
    summary: { ...article.summary, highlightCount: annotations.length },
    state: { annotations, note: '', position: 0 },
  };
}
