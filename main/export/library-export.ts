// Many articles to one folder: one `.md` per article and, with wikilinks on,
// one note per person, organization and place under `Entities/` listing the
// articles that mention it, which makes the folder a ready Obsidian vault.
//
// Re-running into the same folder is safe: a file whose front matter `id`
// matches an article keeps its name and its user sections; names of new
// files never collide with what is already there.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation, Article, Entity, ExportOptions } from '../api/contract';
import { LINKED_TYPES, entityNoteBase } from './entities-section';
import { uniqueFileName } from './file-names';
import { obsidianDate, splitFrontMatter, writeFrontMatter } from './front-matter';
import { escapeInlineLine } from './markdown-escape';
import { exportArticleMarkdown } from './markdown-export';
import { makeExportFolder, readHead, readIfExists, writeAtomically } from './export-files';
import { EMPTY_USER_SECTION, extractUserSections, mergeUserSections } from './user-sections';

export interface LibraryExportItem {
  article: Article;
  annotations: Annotation[];
  entities: Entity[];
}

export interface LibraryExportInput {
  articles: LibraryExportItem[];
  dir: string;
  options?: ExportOptions;
  /** ISO timestamp written as `exported` in every file (default: now). */
  exported?: string;
  onProgress?: (done: number, total: number) => void;
}

const ENTITY_DIR = 'Entities';

/** Writes the files; returns their paths (articles first, then entity notes). */
export async function exportLibrary(input: LibraryExportInput): Promise<string[]> {
  const { dir, options = {} } = input;
  const exported = input.exported ?? new Date().toISOString();
  await makeExportFolder(dir);
  const existingById = await existingExports(dir);
  const taken = new Set((await listMarkdown(dir)).map((n) => n.toLowerCase()));

  // Stable names: existing files keep theirs, new ones are allocated in title order.
  const items = [...input.articles].sort(
    (a, b) => a.article.title.localeCompare(b.article.title, 'en') || (a.article.id < b.article.id ? -1 : 1),
  );
  const names = new Map<string, string>();
  for (const it of items) {
    const name = existingById.get(it.article.id);
    if (name) names.set(it.article.id, name);
  }
  for (const it of items) {
    if (!names.has(it.article.id)) names.set(it.article.id, uniqueFileName(it.article.title, '.md', taken));
  }

  const written: string[] = [];
  const total = items.length;
  let done = 0;
  for (const it of items) {
    const path = join(dir, names.get(it.article.id)!);
    const existing = await readIfExists(path);
    const file = exportArticleMarkdown({
      article: it.article,
      annotations: it.annotations,
      entities: options.entities === false ? [] : it.entities,
      options,
      exported,
      ...(existing !== undefined ? { existing } : {}),
    });
    await writeAtomically(path, file.markdown, it.article.title);
    written.push(path);
    input.onProgress?.(++done, total);
  }

  if (options.wikilinks && options.entities !== false) {
    written.push(...(await writeEntityNotes(dir, items, names, exported)));
  }
  return written;
}

async function listMarkdown(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md'));
  } catch {
    return [];
  }
}

/** Front-matter ids of Gloss exports already in the folder → their file names. */
async function existingExports(dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const name of (await listMarkdown(dir)).sort()) {
    // Only the front matter matters here: a vault of long notes is not read whole.
    const head = await readHead(join(dir, name), 8192);
    const fm = head ? splitFrontMatter(head) : null;
    const id = fm?.fields.id;
    if (typeof id === 'string' && fm?.fields.gloss_export !== undefined && !map.has(id)) map.set(id, name);
  }
  return map;
}

interface EntityNote {
  base: string;
  entities: Map<
    string,
    { name: string; type: Entity['type']; articles: Array<{ title: string; file: string; count: number }> }
  >;
}

async function writeEntityNotes(
  dir: string,
  items: LibraryExportItem[],
  names: Map<string, string>,
  exported: string,
): Promise<string[]> {
  const notes = new Map<string, EntityNote>();
  for (const it of items) {
    const file = names.get(it.article.id)!.replace(/\.md$/i, '');
    for (const e of it.entities) {
      if (!LINKED_TYPES.has(e.type) || !e.mentions.length) continue;
      const base = entityNoteBase(e);
      const note = notes.get(base.toLowerCase()) ?? { base, entities: new Map() };
      notes.set(base.toLowerCase(), note);
      const entry = note.entities.get(e.key) ?? { name: e.name, type: e.type, articles: [] };
      note.entities.set(e.key, entry);
      entry.articles.push({ title: it.article.title, file, count: e.mentions.length });
    }
  }
  const entityDir = join(dir, ENTITY_DIR);
  await makeExportFolder(entityDir);
  const written: string[] = [];
  for (const key of [...notes.keys()].sort()) {
    const note = notes.get(key)!;
    const path = join(entityDir, `${note.base}.md`);
    const existing = await readIfExists(path);
    let markdown = entityNoteMarkdown(note, exported, !existing || !extractUserSections(existing).length);
    if (existing) markdown = mergeUserSections(markdown, extractUserSections(existing));
    await writeAtomically(path, markdown, note.base);
    written.push(path);
  }
  return written;
}

function entityNoteMarkdown(note: EntityNote, exported: string, withEmptyUserSection: boolean): string {
  const entities = [...note.entities.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const parts = [
    writeFrontMatter([
      { key: 'entity_keys', value: entities.map(([k]) => k) },
      { key: 'entity_types', value: [...new Set(entities.map(([, e]) => e.type))] },
      { key: 'exported', value: obsidianDate(exported), date: true },
      { key: 'gloss_entity', value: 1 },
    ]).trimEnd(),
    `# ${escapeInlineLine(entities[0]![1].name)}`,
  ];
  if (withEmptyUserSection) parts.push(EMPTY_USER_SECTION);
  for (const [, e] of entities) {
    const list = [...e.articles].sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.file < b.file ? -1 : 1));
    const label = entities.length > 1 ? `## ${escapeInlineLine(e.name)} (${e.type})` : '## Mentioned in';
    parts.push(label, list.map((a) => `- [[${a.file}]] (${a.count} mention${a.count === 1 ? '' : 's'})`).join('\n'));
  }
  return parts.join('\n\n') + '\n';
}
