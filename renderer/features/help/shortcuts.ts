/**
 * Every keyboard shortcut the app answers to, in one list, so the help dialog
 * never drifts from the code. Each shortcut has one or more alternative key
 * combinations; a combination is the keys pressed together. `Mod` stands for
 * Ctrl (⌘ on a Mac). Handlers: reader/use-reader-keys.ts,
 * annotations/ReaderOverlays.tsx, find/FindBar.tsx, library/LibraryView.tsx,
 * library/ArticleList.tsx, entities/EntitiesPanel.tsx, components/Tabs.tsx.
 */
export interface Shortcut {
  /** Alternatives, each a combination: [['Mod', 'Shift', 'Z'], ['Mod', 'Y']]. */
  keys: string[][];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Reading',
    shortcuts: [
      { keys: [['j'], ['↓']], action: 'Scroll down a line' },
      { keys: [['k'], ['↑']], action: 'Scroll up a line' },
      { keys: [['Space'], ['Page Down']], action: 'Next page' },
      { keys: [['Shift', 'Space'], ['Page Up']], action: 'Previous page' },
      { keys: [['Home']], action: 'Beginning of the article' },
      { keys: [['End']], action: 'End of the article' },
      { keys: [['b'], ['Esc']], action: 'Back to the library (Esc first clears a selection or closes a popover)' },
      { keys: [['e']], action: 'Archive the article, or move it back to the inbox' },
      { keys: [['f']], action: 'Favorite or unfavorite the article' },
      { keys: [['+'], ['=']], action: 'Zoom in on a PDF’s pages' },
      { keys: [['-']], action: 'Zoom out of a PDF’s pages' },
      { keys: [['0']], action: 'Fit a PDF’s pages to the width' },
      { keys: [['?']], action: 'Show these shortcuts' },
    ],
  },
  {
    title: 'Selecting and highlighting',
    shortcuts: [
      {
        keys: [
          ['Shift', '←'],
          ['Shift', '→'],
        ],
        action: 'Extend the selection by a character (from a click in the text, else from the top of the page)',
      },
      {
        keys: [
          ['Mod', 'Shift', '←'],
          ['Mod', 'Shift', '→'],
        ],
        action: 'Extend the selection by a word',
      },
      {
        keys: [
          ['Shift', '↑'],
          ['Shift', '↓'],
        ],
        action: 'Extend the selection by a line',
      },
      {
        keys: [
          ['Shift', 'Home'],
          ['Shift', 'End'],
        ],
        action: 'Extend the selection to the start or end of the line',
      },
      { keys: [['h']], action: 'Highlight the selection in the last color used' },
      { keys: [['1 – 5']], action: 'Highlight in yellow, green, blue, pink or purple' },
      { keys: [['n']], action: 'Highlight the selection and add a note' },
      { keys: [['Esc']], action: 'Clear the selection, or close the highlight popover' },
      { keys: [[']']], action: 'Next highlight' },
      { keys: [['[']], action: 'Previous highlight' },
      { keys: [['Mod', 'Z']], action: 'Undo the last change to highlights' },
      {
        keys: [
          ['Mod', 'Shift', 'Z'],
          ['Mod', 'Y'],
        ],
        action: 'Redo',
      },
    ],
  },
  {
    title: 'Finding',
    shortcuts: [
      { keys: [['Mod', 'F'], ['/']], action: 'Find in the article' },
      { keys: [['Enter']], action: 'Next match (in the find box)' },
      { keys: [['Shift', 'Enter']], action: 'Previous match' },
      { keys: [['Esc']], action: 'Close the find bar' },
    ],
  },
  {
    title: 'Sidebar',
    shortcuts: [
      { keys: [['←'], ['→']], action: 'Switch tab (on a tab)' },
      { keys: [['Esc']], action: 'Deselect the entity (Entities tab), or clear a filter' },
    ],
  },
  {
    title: 'Library',
    shortcuts: [
      { keys: [['/']], action: 'Filter articles' },
      { keys: [['↓'], ['Enter']], action: 'From the filter, go to the list' },
      { keys: [['Esc']], action: 'Clear the filter' },
      { keys: [['↑'], ['↓']], action: 'Move between articles' },
      { keys: [['Page Up'], ['Page Down']], action: 'Move a page of articles' },
      { keys: [['Home'], ['End']], action: 'First or last article' },
      { keys: [['Enter']], action: 'Open the article' },
      { keys: [['Space']], action: 'Select or unselect the article' },
      {
        keys: [
          ['Shift', '↑'],
          ['Shift', '↓'],
        ],
        action: 'Extend the selection',
      },
      { keys: [['Mod', 'A']], action: 'Select every article shown' },
      { keys: [['e']], action: 'Archive, or move back to the inbox (the selection, else the article)' },
      { keys: [['f']], action: 'Favorite or unfavorite (the selection, else the article)' },
      { keys: [['Delete']], action: 'Delete the article or the selection (asks first)' },
      { keys: [['Esc']], action: 'Clear the selection' },
      { keys: [['?']], action: 'Show these shortcuts' },
    ],
  },
];

/** What `Mod` reads as on this machine. */
export function modKeyLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}

/** The keys of a combination as shown, with `Mod` resolved for the platform. */
export function showKeys(combo: readonly string[], platform: string): string[] {
  return combo.map((key) => (key === 'Mod' ? modKeyLabel(platform) : key));
}
