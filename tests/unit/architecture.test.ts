// Process boundaries are folders, and this test enforces them (VS Code's
// layering rule as a test): only main/electron/ and preload/ touch Electron,
// and the renderer sees nothing of main/ but the contract's types.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

describe('architecture', () => {
  it('only main/electron/ and preload/ import electron', () => {
    const offenders = [...sourceFiles('main'), ...sourceFiles('renderer')]
      .filter((f) => !f.startsWith(join('main', 'electron')))
      .filter((f) => imports(f).some((i) => i.spec === 'electron'));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports nothing from main/ but types from the contract', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('renderer')) {
      for (const { spec, typeOnly } of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(root, file, '..', spec));
        if (target.startsWith('main') && (target !== join('main', 'api', 'contract') || !typeOnly)) {
          offenders.push(`${file} → ${spec}`);
        }
        if (target.startsWith('preload')) offenders.push(`${file} → ${spec}`);
      }
    }
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
});
