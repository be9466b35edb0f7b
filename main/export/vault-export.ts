// The library's "Export as vault" in the app: the CLI's `export --all` for the
// articles the user chose. With a native folder dialog (Electron) the vault is
// written where the user points, taking in their edits to an earlier export
// there; without one (browser mode) it is written to a temporary folder and
// handed back as a zip, since a page cannot be given a folder to write into.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import type { ExportOptions, TaskProgress, VaultExport } from '../model/contract';
import { AppError } from '../model/errors';
import { requireStringArray } from '../model/validate';
import { vaultZipSentence } from './export-report';

export interface VaultExportDeps {
  exportToFolder(input: {
    articleIds: string[];
    dir: string;
    options?: ExportOptions;
    onProgress?: (done: number, total: number) => void;
  }): Promise<{ written: string[]; message: string }>;
  /** Electron's folder dialog: the chosen folder, or null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  now: () => Date;
}

const VAULT_NAME = 'Gloss vault';

export function createVaultExport(deps: VaultExportDeps) {
  let progress: TaskProgress | null = null;

  async function run(articleIds: string[], dir: string, options: ExportOptions) {
    progress = { done: 0, total: articleIds.length };
    try {
      return await deps.exportToFolder({
        articleIds,
        dir,
        options,
        onProgress: (done, total) => {
          progress = { done, total };
        },
      });
    } finally {
      progress = null;
    }
  }

  async function asZip(articleIds: string[], options: ExportOptions): Promise<VaultExport> {
    const temp = await mkdtemp(join(tmpdir(), 'gloss-vault-'));
    try {
      const { written } = await run(articleIds, temp, options);
      const files: Record<string, Uint8Array> = {};
      for (const path of await filesUnder(temp)) {
        files[`${VAULT_NAME}/${relative(temp, path).split(sep).join('/')}`] = await readFile(path);
      }
      const fileName = `${VAULT_NAME} ${deps.now().toISOString().slice(0, 10)}.zip`;
      return {
        kind: 'zip',
        articles: articleIds.length,
        fileName,
        dataBase64: Buffer.from(zipSync(files)).toString('base64'),
        message: vaultZipSentence(articleIds.length, written.length, fileName),
      };
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  return {
    async exportVault(input: { articleIds: string[]; options?: ExportOptions }): Promise<VaultExport> {
      const articleIds = [...new Set(requireStringArray(input.articleIds, 'The articles to export'))];
      if (articleIds.length === 0) throw new AppError('invalid_input', 'Choose at least one article to export.');
      if (progress) throw new AppError('conflict', 'A vault export is already running; wait for it to finish.');
      const options = input.options ?? {};
      if (!deps.pickFolder) return asZip(articleIds, options);
      const dir = await deps.pickFolder();
      if (!dir) throw new AppError('cancelled', 'The vault export was cancelled.');
      const { message } = await run(articleIds, dir, options);
      return { kind: 'folder', articles: articleIds.length, message };
    },

    async getVaultExportProgress(): Promise<TaskProgress | null> {
      return progress;
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
