import { describe, expect, it } from 'vitest';
import { MAX_BASE_LENGTH, articleFileName, safeBaseName, uniqueFileName } from './file-names';

describe('safeBaseName', () => {
  it('removes path traversal, separators and control characters', () => {
    expect(safeBaseName('../../etc/passwd')).toBe('etc passwd');
    expect(safeBaseName('..\\..\\Windows\\win.ini')).toBe('Windows win.ini');
    expect(safeBaseName('a\u0000b\u0007c\nd\u202Ee')).toBe('abcde');
    expect(safeBaseName('What? A "title": <yes> | no *')).toBe('What A title yes no');
  });

  it('renames reserved Windows device names, with or without an extension', () => {
    for (const n of ['CON', 'nul', 'Com1', 'LPT9', 'aux.md', 'PRN.txt'])
      expect(safeBaseName(n).startsWith('_')).toBe(true);
    expect(safeBaseName('Console')).toBe('Console');
  });

  it('never returns an empty, dot-only or trailing-dot name', () => {
    expect(safeBaseName('')).toBe('Untitled');
    expect(safeBaseName('...')).toBe('Untitled');
    expect(safeBaseName('  . ')).toBe('Untitled');
    expect(safeBaseName('Ends with dots...')).toBe('Ends with dots');
    expect(safeBaseName('#[[]]^|')).toBe('Untitled');
  });

  it('bounds the length without splitting a character', () => {
    const long = 'word '.repeat(100) + '🎉'.repeat(100);
    expect(Array.from(safeBaseName(long)).length).toBeLessThanOrEqual(MAX_BASE_LENGTH);
    const emoji = safeBaseName('🎉'.repeat(300));
    expect(Array.from(emoji).length).toBe(MAX_BASE_LENGTH);
    expect(emoji).toBe('🎉'.repeat(MAX_BASE_LENGTH));
  });

  it('keeps ordinary titles readable', () => {
    expect(articleFileName('The Harbour Ledger')).toBe('The Harbour Ledger.md');
    expect(articleFileName('Niño & café: 2024')).toBe('Niño & café 2024.md');
  });
});

describe('uniqueFileName', () => {
  it('adds a numbered suffix, case-insensitively, within the length bound', () => {
    const taken = new Set<string>(['report.md']);
    expect(uniqueFileName('Report', '.md', taken)).toBe('Report (2).md');
    expect(uniqueFileName('report', '.md', taken)).toBe('report (3).md');
    const long = 'x'.repeat(300);
    const a = uniqueFileName(long, '.md', taken);
    const b = uniqueFileName(long, '.md', taken);
    expect(a).not.toBe(b);
    expect(b.length).toBeLessThanOrEqual(MAX_BASE_LENGTH + 3);
    expect(b.endsWith(' (2).md')).toBe(true);
  });
});
