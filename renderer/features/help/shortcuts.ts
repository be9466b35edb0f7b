/**
 * Every keyboard shortcut the reader answers to, in one list, so the help
 * dialog never drifts from the code. Features add their rows here.
 */
export interface Shortcut {
  keys: string[];
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
      { keys: ['j', '↓'], action: 'Scroll down' },
      { keys: ['k', '↑'], action: 'Scroll up' },
      { keys: ['Space'], action: 'Next page' },
      { keys: ['Shift', 'Space'], action: 'Previous page' },
      { keys: ['Home'], action: 'Beginning of the article' },
      { keys: ['End'], action: 'End of the article' },
      { keys: ['b', 'Esc'], action: 'Back to the library' },
      { keys: ['?'], action: 'Show these shortcuts' },
    ],
  },
  {
    title: 'Highlights and notes',
    shortcuts: [
      { keys: ['h'], action: 'Highlight the selection' },
      { keys: ['1 – 5'], action: 'Highlight in a colour' },
      { keys: ['n'], action: 'Add a note to the selection' },
      { keys: ['Ctrl', 'Z'], action: 'Undo the last change' },
    ],
  },
  {
    title: 'Finding',
    shortcuts: [
      { keys: ['Ctrl', 'F'], action: 'Find in the article' },
      { keys: ['/'], action: 'Find in the article' },
    ],
  },
  {
    title: 'Library',
    shortcuts: [
      { keys: ['/'], action: 'Filter articles' },
      { keys: ['↑', '↓'], action: 'Move between articles' },
      { keys: ['Enter'], action: 'Open the article' },
      { keys: ['Delete'], action: 'Delete the article (asks first)' },
    ],
  },
];
