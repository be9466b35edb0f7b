// Malformed and huge input through the real UI (file picker in browser mode):
// each file gets a clear message naming it, or imports correctly; the UI keeps
// responding while it works; and a rejection leaves the library unchanged.
// Every file is generated here, into a temporary folder, at test time.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ArticleSummary, ImportOutcome } from '../../main/model/contract';
import { test, expect } from '../support/fixtures';
import { callApi, startGlossServer, type GlossServer } from '../support/gloss-server';

const PARAGRAPH = 'The ferry timetable for the winter season was posted at the harbour office on Monday morning.';

interface Case {
  name: string;
  bytes: Buffer;
  /** A title when it must import, or words the problem message must contain when it must be refused. */
  expect: { title: string; text: string } | { refused: RegExp };
}

function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.from('IHDR'),
    Buffer.alloc(64, 7),
  ]);
}

const CASES: Case[] = [
  { name: 'empty.txt', bytes: Buffer.alloc(0), expect: { refused: /empty/i } },
  { name: 'blank.md', bytes: Buffer.from(' \n\t \r\n   \n'), expect: { refused: /blank|empty/i } },
  { name: 'bom-only.txt', bytes: Buffer.from([0xef, 0xbb, 0xbf]), expect: { refused: /blank|empty/i } },
  {
    name: 'broken-utf8.txt',
    bytes: Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9, 0x20, 0xff, 0xfe]), Buffer.from(' au lait\n')]),
    expect: { refused: /UTF-8|encoding|text/i },
  },
  { name: 'picture.md', bytes: png(), expect: { refused: /PNG|not a text/i } },
  {
    name: 'with-nul.txt',
    bytes: Buffer.from(`Nul Bytes\n\n${PARAGRAPH}\0\0\0${PARAGRAPH}`),
    expect: { refused: /binary|not a text/i },
  },
  {
    name: 'utf16-notes.txt',
    bytes: Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`Sixteen Bit Notes\n\nZürich café — ${PARAGRAPH}\n`, 'utf16le'),
    ]),
    expect: { title: 'Sixteen Bit Notes', text: 'Zürich café — The ferry timetable' },
  },
  {
    name: 'latin1-page.html',
    bytes: Buffer.from(
      `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Latin Page</title></head>` +
        `<body><article><h1>Latin Page</h1><p>Señor Müller paid 5 € — no, £5 — at the café in Malmö. ${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`,
      'latin1',
    ),
    expect: { title: 'Latin Page', text: 'Señor Müller paid 5' },
  },
  {
    name: 'CON.md',
    bytes: Buffer.from(`# Reserved Name\n\n${PARAGRAPH}\n`),
    expect: { title: 'Reserved Name', text: PARAGRAPH },
  },
  // 250 characters: as long as a file name on disk may be (the API test below sends 300).
  {
    name: `${'long-name-'.repeat(24)}a-long-end.txt`,
    bytes: Buffer.from(`Long Name Article\n\n${PARAGRAPH}\n`),
    expect: { title: 'Long Name Article', text: PARAGRAPH },
  },
  {
    name: 'deep-nesting.html',
    bytes: Buffer.from(
      `<!doctype html><html><head><title>Deep</title></head><body><p>${PARAGRAPH}</p>${'<div>'.repeat(100_000)}bottom${'</div>'.repeat(100_000)}</body></html>`,
    ),
    expect: { refused: /nested|deep/i },
  },
];

const list = (page: Page) => page.getByRole('list', { name: 'Articles' });
const problems = (page: Page) => page.getByRole('list', { name: 'Import problems' });

async function articles(gloss: GlossServer): Promise<ArticleSummary[]> {
  return callApi<ArticleSummary[]>(gloss, 'listArticles', {});
}

async function pickFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  await (await chooser).setFiles(paths);
}

/** The UI answers while an import runs: the Paste dialog opens and closes promptly. */
async function expectResponsive(page: Page): Promise<void> {
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Paste', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await expect(dialog).toBeVisible({ timeout: 4000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 4000 });
  expect(Date.now() - t0, 'the Paste dialog took too long to open and close').toBeLessThan(4000);
}

test('malformed files: each gets a clear message naming it, or imports correctly', async ({ page, gloss }) => {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-malformed-'));
  try {
    for (const c of CASES) await writeFile(join(dir, c.name), c.bytes);
    // A file of our own, first, so there is a library to keep unchanged.
    await writeFile(join(dir, 'keeper.txt'), `The Keeper\n\n${PARAGRAPH}\n`);
    await page.goto(gloss.url);
    await pickFiles(page, [join(dir, 'keeper.txt')]);
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    const before = await articles(gloss);

    await pickFiles(
      page,
      CASES.map((c) => join(dir, c.name)),
    );
    await expectResponsive(page);
    await expect(page.getByRole('status', { name: 'Import progress' })).toHaveText('', { timeout: 45_000 });

    const refused = CASES.filter((c) => 'refused' in c.expect);
    const imported = CASES.filter((c) => 'title' in c.expect);
    await expect(problems(page).getByRole('listitem')).toHaveCount(refused.length);
    for (const c of refused) {
      const item = problems(page).getByRole('listitem').filter({ hasText: c.name });
      await expect(item, `a message about ${c.name}`).toHaveCount(1);
      await expect(item).toContainText((c.expect as { refused: RegExp }).refused);
    }

    // Exactly the good files were added; nothing else in the library changed.
    const after = await articles(gloss);
    expect(after.length).toBe(before.length + imported.length);
    expect(after.filter((a) => before.some((b) => b.id === a.id))).toEqual(before);
    for (const c of imported) {
      const { title, text } = c.expect as { title: string; text: string };
      const summary = after.find((a) => a.title === title);
      expect(summary, `${c.name} imported as “${title}”`).toBeTruthy();
      const article = await callApi<{ text: string }>(gloss, 'getArticle', { id: summary!.id });
      expect(article.text).toContain(text);
    }
    // The UI still works: filter and open one of them.
    await page.getByRole('searchbox', { name: 'Filter articles' }).fill('Latin');
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a 50 MB one-line Markdown file is refused with a message, the UI stays responsive, the library is unchanged', async ({
  page,
  gloss,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-huge-'));
  try {
    const path = join(dir, 'one-line.md');
    const unit = Buffer.from('word **bold** _it_ [link](https://example.org) ');
    await writeFile(path, Buffer.concat([Buffer.from('# One Line '), Buffer.alloc(50 * 1024 * 1024, unit)]));
    await page.goto(gloss.url);
    const before = await articles(gloss);

    await pickFiles(page, [path]);
    await expectResponsive(page);
    const item = problems(page).getByRole('listitem').filter({ hasText: 'one-line.md' });
    await expect(item).toBeVisible({ timeout: 45_000 });
    await expect(item).toContainText('Gloss imports files up to 32.0 MB');
    expect(await articles(gloss)).toEqual(before);
    await expectResponsive(page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('file names with paths, reserved words and 300 characters are contained', async ({ gloss }) => {
  const names = [
    '../../escape.md',
    '..\\..\\escape-too.md',
    'CON.md',
    'nul.txt',
    `${'x'.repeat(300)}.md`,
    '/etc/passwd.md',
  ];
  const outcomes = await callApi<ImportOutcome[]>(gloss, 'importFiles', {
    files: names.map((name, i) => ({
      name,
      dataBase64: Buffer.from(`# Named ${i}\n\n${PARAGRAPH} ${i}\n`).toString('base64'),
    })),
  });
  expect(outcomes.map((o) => o.status)).toEqual(names.map(() => 'imported'));
  // Nothing was written beside or above the library folder.
  const parent = dirname(gloss.libraryDir);
  const siblings = await readdir(parent);
  expect(siblings.filter((n) => /escape|passwd/.test(n))).toEqual([]);
  expect((await readdir(gloss.libraryDir)).filter((n) => /escape|passwd|CON|nul|xxx/i.test(n))).toEqual([]);
  for (const o of outcomes) {
    if (o.status !== 'imported') continue;
    expect(o.article.source ?? '').not.toMatch(/\.\.[\\/]|^[\\/]/);
  }
});

test('an article file corrupted on disk is reported in the UI, and the rest of the library still opens', async ({
  page,
}) => {
  const libraryDir = await mkdtemp(join(tmpdir(), 'gloss-corrupt-'));
  try {
    let server = await startGlossServer({ libraryDir, welcome: false });
    const [damaged, intact] = await callApi<ImportOutcome[]>(server, 'importFiles', {
      files: ['Damaged Article', 'Intact Article'].map((title) => ({
        name: `${title}.txt`,
        dataBase64: Buffer.from(`${title}\n\n${PARAGRAPH}\n`).toString('base64'),
      })),
    });
    await server.stop();
    if (damaged?.status !== 'imported' || intact?.status !== 'imported') throw new Error('setup import failed');
    // What a crash or a sync tool can leave behind: half a JSON file.
    const file = join(libraryDir, 'articles', damaged.article.id, 'content.json');
    const json = await readFile(file, 'utf8');
    await writeFile(file, json.slice(0, Math.floor(json.length / 2)));

    server = await startGlossServer({ libraryDir, welcome: false });
    try {
      // Article files are read when opened: the damaged text is rebuilt from the kept
      // source, and a notice naming the article says so there, in the reader.
      await page.goto(`${server.origin}/?article=${damaged.article.id}#token=${server.token}`);
      await expect(page.getByRole('article', { name: 'Damaged Article' }).getByText(PARAGRAPH)).toBeVisible();
      await expect(
        page
          .getByRole('alert')
          .filter({ hasText: /Damaged Article.*rebuilt it/ })
          .first(),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Back to library' }).first().click();
      await expect(page.getByRole('alert').filter({ hasText: 'Damaged Article' }).first()).toBeVisible();
      await expect(
        page.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: 'Intact Article' }),
      ).toHaveCount(1);
      await page.goto(`${server.origin}/?article=${intact.article.id}#token=${server.token}`);
      await expect(page.getByRole('article', { name: 'Intact Article' }).getByText(PARAGRAPH)).toBeVisible();
    } finally {
      await server.stop();
    }
  } finally {
    await rm(libraryDir, { recursive: true, force: true });
  }
});
