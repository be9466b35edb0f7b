// The packaging configuration (electron-builder.json), checked where packaging
// itself cannot run (no Electron binary here): the fuses it sets, and which
// files of a built checkout it would put in the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
};

function walk(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    if (name === 'node_modules' || name === '.git') return [];
    const path = dir ? join(dir, name) : name;
    return statSync(join(root, path)).isDirectory() ? walk(path) : [path];
  });
}

/** The glob forms the config uses (`**` for any folders, `*` within one name) as a RegExp. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const matches = (file: string, glob: string) => globToRegExp(glob).test(file);

/** electron-builder's rule: a file is in when it matches a pattern and no later `!pattern`. */
function included(file: string): boolean {
  let inside = false;
  for (const p of config.files) {
    if (p.startsWith('!')) {
      if (matches(file, p.slice(1))) inside = false;
    } else if (matches(file, p)) inside = true;
  }
  return inside;
}

describe('packaging (electron-builder.json)', () => {
  it('sets the fuses: no RunAsNode, no NODE_OPTIONS or --inspect, cookie encryption, asar integrity, app only from asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the build, the welcome article and the entity model, and no sources, tests or maps', () => {
    const tree = walk('').map((f) => relative('', f).split('\\').join('/'));
    const shipped = tree.filter(included);
    for (const needed of ['package.json', 'data/welcome.md', 'data/ner/model.bin']) expect(shipped).toContain(needed);
    for (const needed of [
      'out/main/index.js',
      'out/main/import-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      expect(included(needed), needed).toBe(true);
    }
    for (const f of shipped) {
      expect(f, f).not.toMatch(/^(main|renderer|preload|tests|\.ci|\.github)\//);
      expect(f, f).not.toMatch(/\.(ts|tsx|map)$/);
    }
    expect(included('out/main/index.js.map')).toBe(false);
  });
});
