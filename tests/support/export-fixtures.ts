// Test support: builds contract objects from the hand-written fixtures in
// tests/fixtures/export (an HTML body plus a JSON file naming highlights by
// their quote), and seeded random highlights for round-trip tests.
import { seededRandom } from './seeded-random';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import type { Annotation, Article, Entity, EntityType, HighlightColor } from '../../main/model/contract';

export const FIXTURE_DIR = fileURLToPath(new URL('../../tests/fixtures/export/', import.meta.url));

interface FixtureFile {
  article: Omit<
    Article,
    'html' | 'text' | 'textSha256' | 'wordCount' | 'readingMinutes' | 'progress' | 'highlightCount' | 'position'
  >;
  annotations: Array<{
    id: string;
    quote: string;
    color: HighlightColor;
    note?: string;
    tags?: string[];
    orphan?: boolean;
  }>;
  entities: Array<{ key: string; name: string; type: EntityType; mentions: string[]; resolved?: string }>;
}

export interface Fixture {
  article: Article;
  annotations: Annotation[];
  entities: Entity[];
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * `textOf` defaults to jsdom (as the import pipeline computes canonical text),
 * independent of the DOM the exporter itself uses.
 */
export function articleFromHtml(
  meta: FixtureFile['article'],
  html: string,
  textOf = (h: string) => JSDOM.fragment(h).textContent ?? '',
): Article {
  const text = textOf(html);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  return {
    ...meta,
    html,
    text,
    textSha256: sha256(text),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
    progress: 0,
    highlightCount: 0,
    position: 0,
  };
}

export function makeAnnotation(
  article: Pick<Article, 'id' | 'text'>,
  id: string,
  start: number,
  end: number,
  body: { color: HighlightColor; note?: string; tags?: string[] },
  index: number,
  status: Annotation['status'] = 'anchored',
  exactOverride?: string,
): Annotation {
  const t = article.text;
  const stamp = new Date(Date.UTC(2026, 10, 3, 9, index)).toISOString();
  return {
    id,
    created: stamp,
    modified: stamp,
    status,
    body: { color: body.color, note: body.note ?? '', tags: body.tags ?? [] },
    target: {
      source: article.id,
      selector: [
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector',
          exact: exactOverride ?? t.slice(start, end),
          prefix: t.slice(Math.max(0, start - 32), start),
          suffix: t.slice(end, end + 32),
        },
      ],
    },
  };
}

export function loadFixture(name: string): Fixture {
  const html = readFileSync(`${FIXTURE_DIR}${name}.html`, 'utf8');
  const spec = JSON.parse(readFileSync(`${FIXTURE_DIR}${name}.json`, 'utf8')) as FixtureFile;
  const article = articleFromHtml(spec.article, html);
  const annotations = spec.annotations.map((a, i) => {
    if (a.orphan) return makeAnnotation(article, a.id, 0, a.quote.length, a, i, 'orphan', a.quote);
    const start = article.text.indexOf(a.quote);
    if (start < 0) throw new Error(`Fixture ${name}: quote not found: ${a.quote}`);
    return makeAnnotation(article, a.id, start, start + a.quote.length, a, i);
  });
  article.highlightCount = annotations.length;
  const entities: Entity[] = spec.entities.map((e) => {
    let from = 0;
    const mentions = e.mentions.map((m) => {
      const start = article.text.indexOf(m, from);
      if (start < 0) throw new Error(`Fixture ${name}: mention not found: ${m}`);
      from = start + m.length;
      return { start, end: start + m.length, text: m };
    });
    return { key: e.key, name: e.name, type: e.type, aliases: [], mentions, resolved: e.resolved ?? null };
  });
  return { article, annotations, entities };
}

export { seededRandom };

const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/**
 * Random highlights on word boundaries (as a reader selects), many of them
 * overlapping, some spanning paragraphs, with notes and tags.
 */
export function randomHighlights(article: Pick<Article, 'id' | 'text'>, count: number, seed: number): Annotation[] {
  const rand = seededRandom(seed);
  const words: Array<{ start: number; end: number }> = [];
  for (const m of article.text.matchAll(/[\p{L}\p{N}]+/gu)) words.push({ start: m.index, end: m.index + m[0].length });
  const out: Annotation[] = [];
  for (let i = 0; i < count && words.length; i++) {
    const a = Math.floor(rand() * words.length);
    const len = 1 + Math.floor(rand() * (rand() < 0.2 ? 60 : 8));
    const b = Math.min(words.length - 1, a + len);
    const color = COLORS[Math.floor(rand() * COLORS.length)]!;
    const note =
      rand() < 0.5
        ? `Note ${i}: ${rand() < 0.5 ? 'plain' : 'with *emphasis* and a [link](https://example.org/n' + i + ')'}`
        : '';
    const tags = rand() < 0.3 ? [`tag${i % 4}`, ...(rand() < 0.3 ? ['two words'] : [])] : [];
    out.push(
      makeAnnotation(
        article,
        `rnd-${seed}-${String(i).padStart(4, '0')}`,
        words[a]!.start,
        words[b]!.end,
        { color, note, tags },
        i,
      ),
    );
  }
  return out;
}
