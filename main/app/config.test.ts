import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { defaultUserDataDir, readOption, resolveLibraryDir } from './config';

describe('resolveLibraryDir', () => {
  it('prefers --library over GLOSS_LIBRARY over userData/library', () => {
    const env = { GLOSS_LIBRARY: '/env/lib' };
    expect(resolveLibraryDir({ argv: ['--library', 'rel/lib'], env })).toBe(resolve('rel/lib'));
    expect(resolveLibraryDir({ argv: ['--library=/a/b'], env })).toBe('/a/b');
    expect(resolveLibraryDir({ argv: [], env })).toBe('/env/lib');
    expect(resolveLibraryDir({ argv: [], env: {}, userDataDir: '/u' })).toBe(join('/u', 'library'));
  });

  it('matches Electron userData for an app named Gloss', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Gloss'));
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\x\\AppData\\Roaming' }, 'win32')).toContain('Gloss');
  });

  it('reads options in both spellings and leaves others alone', () => {
    expect(readOption(['--port', '8', '--library', 'x'], '--port')).toBe('8');
    expect(readOption(['--port=9'], '--port')).toBe('9');
    expect(readOption(['--portable'], '--port')).toBeUndefined();
  });
});
