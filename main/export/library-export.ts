// Many articles to one folder: one `.md` per article and, with wikilinks on,
// one note per person, organization and place under `Entities/` listing the
// articles that mention it, which makes the folder a ready Obsidian vault.
//
// Re-running into the same folder is safe: a file whose front matter `id`
// matches an article keeps its name, and the user's edits in it are taken in
// first (`takeIn`; what cannot be taken in is kept in a copy beside it). No
// other file is ever written over: new names never collide with what is there,
// and an `Entities/<name>.md` Gloss did not write (no `gloss_entity` marker)
// is left alone, the entity note going under another name.
//
// Wikilinks must resolve to the intended file under Obsidian's resolution
// (same folder first, then by name): entity notes are linked by their path
// (`[[Entities/Santiago|Santiago]]`), and an entity note never shares its name
// with an article file (`Santiago (place).md`), so neither can point at the other.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation, Article, Entity, ExportOptions } from '../model/contract';
import { LINKED_TYPES, entityNoteBase } from './entities-section';
import { keepPreviousCopy, makeExportFolder, readHead, readIfExists, writeAtomically } from './export-files';
import { uniqueFileName } from './file-names';
import { obsidianDate, splitFrontMatter, writeFrontMatter } from './front-matter';
import { escapeInlineLine } from './markdown-escape';
import { exportArticleMarkdown } from './markdown-export';
import { EMPTY_USER_SECTION, extractUserSections, mergeUserSections } from './user-sections';
import { linesNotKept, type TakenEdits } from './visible-edits';

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
  /** Takes the user's edits in an earlier export of the item into the library; returns the item as it is now. */
  takeIn?: (item: LibraryExportItem, existing: string) => Promise<{ item: LibraryExportItem; taken: TakenEdits }>;
}

export interface LibraryExportResult {
  /** Every file written: articles first, then entity notes. */
  written: string[];
  /** Copies of earlier files kept because some of what the user wrote could not be taken in. */
  copies: string[];
  /** Earlier exports whose edits were taken into the library. */
  takenIn: number;
}

const ENTITY_DIR = 'Entities';

export async function exportLibrary(input: LibraryExportInput): Promise<LibraryExportResult> {
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
  const linking = options.wikilinks === true && options.entities !== false;
  const notes = linking ? await planEntityNotes(dir, items, names) : new Map<string, EntityNote>();
  const links = new Map<string, string>();
  for (const note of notes.values())
    for (const key of note.entities.keys()) links.set(key, `${ENTITY_DIR}/${note.base}`);

  const result: LibraryExportResult = { written: [], copies: [], takenIn: 0 };
  const total = items.length;
  let done = 0;
  for (const original of items) {
    const path = join(dir, names.get(original.article.id)!);
    const existing = await readIfExists(path);
    let it = original;
    let edits: TakenEdits | null = null;
    if (existing !== undefined && input.takeIn) {
      ({ item: it, taken: edits } = await input.takeIn(original, existing));
      if (edits.edited.length || edits.added.length || edits.noteEdited || edits.tagsEdited) result.takenIn++;
    }
    const file = exportArticleMarkdown({
      article: it.article,
      annotations: it.annotations,
      entities: options.entities === false ? [] : it.entities,
      options,
      exported,
      entityLinks: links,
      ...(existing !== undefined ? { existing } : {}),
    });
    if (existing !== undefined && linesNotKept(existing, edits?.previous ?? null, file.markdown).length) {
      result.copies.push(await keepPreviousCopy(path, existing, new Date(exported)));
    }
    await writeAtomically(path, file.markdown, it.article.title);
    result.written.push(path);
    input.onProgress?.(++done, total);
  }

  if (linking) result.written.push(...(await writeEntityNotes(dir, notes, exported)));
  return result;
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

/**
 * One note per entity name, named so that it resolves unambiguously: not an
 * article's name, not a note of the user's in `Entities/`. Keys are sorted
 * so that names are stable across runs.
 */
async function planEntityNotes(
  dir: string,
  items: LibraryExportItem[],
  names: Map<string, string>,
): Promise<Map<string, EntityNote>> {
  const byName = new Map<string, EntityNote>();
  for (const it of items) {
    const file = names.get(it.article.id)!.replace(/\.md$/i, '');
    for (const e of it.entities) {
      if (!LINKED_TYPES.has(e.type) || !e.mentions.length) continue;
      const base = entityNoteBase(e);
      const note = byName.get(base.toLowerCase()) ?? { base, entities: new Map() };
      byName.set(base.toLowerCase(), note);
      const entry = note.entities.get(e.key) ?? { name: e.name, type: e.type, articles: [] };
      note.entities.set(e.key, entry);
      entry.articles.push({ title: it.article.title, file, count: e.mentions.length });
    }
  }
  const entityDir = join(dir, ENTITY_DIR);
  const articleNames = new Set([...names.values()].map((n) => n.replace(/\.md$/i, '').toLowerCase()));
  const present = await listMarkdown(entityDir);
  const theirs = new Set<string>();
  for (const name of present) {
    const head = await readHead(join(entityDir, name), 8192);
    const fm = head ? splitFrontMatter(head) : null;
    if (fm?.fields.gloss_entity === undefined) theirs.add(name.toLowerCase());
  }
  const taken = new Set([...theirs, ...[...articleNames].map((n) => `${n}.md`)]);
  const planned = new Map<string, EntityNote>();
  for (const key of [...byName.keys()].sort()) {
    const note = byName.get(key)!;
    let base = note.base;
    if (taken.has(`${base.toLowerCase()}.md`)) {
      const type = [...note.entities.values()][0]!.type;
      base = `${base} (${type})`;
    }
    // A note Gloss wrote keeps its name (it is not in `taken`); any other name is free.
    const name = uniqueFileName(base, '.md', taken);
    planned.set(key, { ...note, base: name.replace(/\.md$/, '') });
  }
  return planned;
}

async function writeEntityNotes(dir: string, notes: Map<string, EntityNote>, exported: string): Promise<string[]> {
  const entityDir = join(dir, ENTITY_DIR);
  await makeExportFolder(entityDir);
  const written: string[] = [];
  for (const note of notes.values()) {
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
