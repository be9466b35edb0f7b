import { describe, expect, it } from 'vitest';
import { SHORTCUT_GROUPS, showKeys } from './shortcuts';

const all = SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.map((s) => ({ group: g.title, ...s })));
const has = (group: string, combo: string[]) =>
  all.some((s) => s.group === group && s.keys.some((k) => k.join('+') === combo.join('+')));

describe('shortcuts', () => {
  it('lists the keys the handlers answer to', () => {
    for (const [group, combo] of [
      ['Reading', ['j']],
      ['Reading', ['k']],
      ['Reading', ['Space']],
      ['Reading', ['b']],
      ['Reading', ['Esc']],
      ['Reading', ['?']],
      ['Reading', ['e']],
      ['Reading', ['f']],
      ['Selecting and highlighting', ['h']],
      ['Selecting and highlighting', ['1 – 5']],
      ['Selecting and highlighting', ['n']],
      ['Selecting and highlighting', ['Shift', '→']],
      ['Selecting and highlighting', ['Mod', 'Z']],
      ['Selecting and highlighting', ['Mod', 'Shift', 'Z']],
      ['Selecting and highlighting', ['Mod', 'Y']],
      ['Finding', ['Mod', 'F']],
      ['Finding', ['/']],
      ['Finding', ['Enter']],
      ['Finding', ['Shift', 'Enter']],
      ['Library', ['/']],
      ['Library', ['Delete']],
      ['Library', ['Mod', 'A']],
      ['Library', ['Shift', '↓']],
      ['Library', ['e']],
    ] as const) {
      expect(has(group, [...combo]), `${group}: ${combo.join('+')}`).toBe(true);
    }
  });

  it('has no two rows with the same action in a group', () => {
    for (const g of SHORTCUT_GROUPS) {
      const actions = g.shortcuts.map((s) => s.action);
      expect(new Set(actions).size).toBe(actions.length);
    }
  });

  it('names the modifier for the platform', () => {
    expect(showKeys(['Mod', 'Shift', 'Z'], 'Win32')).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(showKeys(['Mod', 'Y'], 'MacIntel')).toEqual(['⌘', 'Y']);
  });
});
