// Process boundaries and layers are folders, and this test enforces them (VS
// Code's layering rule as a test): only main/electron/ and preload/ touch
// Electron, the renderer and the preload see nothing of main/ but the model
// layer, every import in main/ runs down the layer order below, and nothing
// shipped imports test code or a devDependency.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { HTML_PARSERS, LAYERS, LONG_FILES } from './layers';

const root = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** Production code: what ships, without its tests and declarations. */
function shippedFiles(): string[] {
  return [...sourceFiles('main'), ...sourceFiles('renderer'), ...sourceFiles('preload')].filter(
    (f) => !/\.test\.tsx?$/.test(f),
  );
}

/** Imports from one folder of main/ into another that is not below it in LAYERS. */
export function upwardImports(): string[] {
  const rank = (file: string) => {
    const folder = relative('main', file).split(sep);
    const name = folder.length > 1 ? folder[0]! : '.';
    const at = LAYERS.findIndex((layer) => (layer as readonly string[]).includes(name));
    if (at < 0) throw new Error(`main/${name} is in no layer: add it to tests/unit/layers.ts`);
    return { name, at };
  };
  const offenders: string[] = [];
  for (const file of sourceFiles('main').filter((f) => !f.endsWith('.test.ts'))) {
    const from = rank(file);
    for (const { spec } of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(root, resolve(root, file, '..', spec));
      if (!target.startsWith('main' + sep)) continue;
      const to = rank(target);
      if (to.name !== from.name && to.at >= from.at) offenders.push(`${file} → ${spec}`);
    }
  }
  return offenders;
}

describe('architecture', () => {
  it('only main/electron/ and preload/ import electron', () => {
    const offenders = [...sourceFiles('main'), ...sourceFiles('renderer')]
      .filter((f) => !f.startsWith(join('main', 'electron')))
      .filter((f) => imports(f).some((i) => i.spec === 'electron'));
    expect(offenders).toEqual([]);
  });

  it('the renderer and the preload import nothing from main/ but the model layer', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles('renderer'), ...sourceFiles('preload')]) {
      for (const { spec } of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(root, file, '..', spec));
        if (target.startsWith('main') && !target.startsWith(join('main', 'model') + sep)) {
          offenders.push(`${file} → ${spec}`);
        }
        if (file.startsWith('renderer') && target.startsWith('preload')) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only renderer/api/ knows which transport it has (window.glossBridge)', () => {
    const offenders = sourceFiles('renderer')
      .filter((f) => !f.startsWith(join('renderer', 'api') + sep))
      .filter((f) => readFileSync(join(root, f), 'utf8').includes('glossBridge'));
    expect(offenders).toEqual([]);
  });

  it('the fixed lists are written out once, in the model', () => {
    const lists = [
      "'yellow', 'green', 'blue', 'pink', 'purple'",
      "'person', 'organization', 'place', 'date', 'figure'",
      "'light', 'sepia', 'dark'",
    ];
    const offenders = shippedFiles()
      .filter((f) => !f.startsWith(join('main', 'model') + sep))
      .filter((f) => lists.some((list) => readFileSync(join(root, f), 'utf8').includes(list)));
    expect(offenders).toEqual([]);
  });

  it('every import in main/ runs down the layers, never up or sideways', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('the model layer imports nothing but itself', () => {
    const shipped = sourceFiles(join('main', 'model')).filter((file) => !file.endsWith('.test.ts'));
    const outside = shipped.flatMap((file) =>
      imports(file)
        .filter(({ spec }) => !spec.startsWith('./'))
        .map(({ spec }) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('nothing shipped imports tests/ or a devDependency', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const offenders: string[] = [];
    for (const file of shippedFiles()) {
      for (const { spec, typeOnly } of imports(file)) {
        const target = spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : '';
        if (target.startsWith('tests')) offenders.push(`${file} → ${spec}`);
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        const electronSide = file.startsWith(join('main', 'electron')) || file.startsWith('preload');
        if (!typeOnly && name in pkg.devDependencies && !(name === 'electron' && electronSide)) {
          offenders.push(`${file} → ${spec} (a devDependency)`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no shipped file over 300 lines but those whose length is explained', () => {
    const long = shippedFiles()
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300)
      .map(({ file }) => file)
      .sort();
    expect(long).toEqual(Object.keys(LONG_FILES).sort());
  });

  it('LONG_FILES names only files that are still over 300 lines', () => {
    const short = Object.keys(LONG_FILES).filter(
      (file) => !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8').split('\n').length <= 300,
    );
    expect(short).toEqual([]);
  });

  it('the reader session and the settings import no feature, so features/ can all use them', () => {
    const shared = [...sourceFiles(join('renderer', 'reader-session')), ...sourceFiles(join('renderer', 'settings'))];
    const offenders = shared.flatMap((file) =>
      imports(file)
        .filter(({ spec }) => spec.startsWith('.'))
        .filter(({ spec }) => relative(root, resolve(root, file, '..', spec)).startsWith(join('renderer', 'features')))
        .map(({ spec }) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('main/ never imports the renderer or the preload', () => {
    const offenders = sourceFiles('main').filter((file) =>
      imports(file).some(({ spec }) => {
        const target = relative(root, resolve(root, file, '..', spec));
        return spec.startsWith('.') && (target.startsWith('renderer') || target.startsWith('preload'));
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('each HTML parser is imported by the one file that owns it', () => {
    const owners = Object.fromEntries(Object.entries(HTML_PARSERS).map(([name, { files }]) => [name, files]));
    const found: Record<string, string[]> = {};
    for (const file of shippedFiles().filter((f) => f.startsWith('main'))) {
      for (const { spec } of imports(file)) {
        if (spec in owners) (found[spec] ??= []).push(file);
      }
    }
    expect(found).toEqual(owners);
  });
});
