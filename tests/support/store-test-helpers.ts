// Fixtures for the storage tests (written by us; no sample text).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, ArticleSummary } from '../../main/model/contract';
import type { NewStoredArticle } from '../../main/storage/store-types';

export async function makeTempDir(prefix = 'gloss-store-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function makeSummary(id: string, title = `Article ${id}`): ArticleSummary {
  return {
    id,
    title,
    author: 'A. Writer',
    site: null,
    published: null,
    source: `/tmp/${id}.md`,
    sourceUrl: null,
    format: 'md',
    added: '2026-11-01T10:00:00.000Z',
    wordCount: 1200,
    readingMinutes: 6,
    language: 'en',
    tags: ['test'],
    progress: 0,
    highlightCount: 0,
    shelf: 'inbox',
    favorite: false,
    opened: null,
    sourceSha256: `sha-${id}`,
  };
}

export function makeAnnotation(articleId: string, i: number): Annotation {
  return {
    id: `ann-${i}`,
    created: '2026-11-02T10:00:00.000Z',
    modified: '2026-11-02T10:00:00.000Z',
    target: {
      source: articleId,
      selector: [
        { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 8 },
        { type: 'TextQuoteSelector', exact: `quote ${i}`, prefix: 'before ', suffix: ' after' },
      ],
    },
    body: { color: 'yellow', note: `note ${i}`, tags: ['t'] },
    status: 'anchored',
  };
}

export function makeArticle(id: string, title?: string, textLength = 400): NewStoredArticle {
  const text = 'The quick reader annotates slowly. '.repeat(Math.ceil(textLength / 35)).slice(0, textLength);
  return {
    summary: makeSummary(id, title),
    content: { html: `<p>${text}</p>`, text, textSha256: `text-sha-${id}` },
    source: { bytes: new TextEncoder().encode(`# ${title ?? id}\n\n${text}`), ext: 'md' },
  };
}
