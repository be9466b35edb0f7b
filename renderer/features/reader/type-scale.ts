// The steps the reading settings offer for type size and line spacing.
export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 30;
export const FONT_SIZE_STEP = 1;

export const LINE_HEIGHTS = [
  { value: 1.45, label: 'Compact' },
  { value: 1.65, label: 'Normal' },
  { value: 1.9, label: 'Relaxed' },
] as const;
