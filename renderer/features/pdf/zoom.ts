// The page view's zoom: CSS pixels per PDF point. "Fit width" follows the reading area; the
// steps are those of a PDF viewer, so zooming in and out again comes back to the same scale.

export type Zoom = 'fit' | number;

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
const MIN = ZOOM_STEPS[0];
const MAX = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** Room left beside the widest page in the reading area, in CSS pixels. */
const GUTTER = 48;

/** The scale at which the widest page fills the reading area's width (never below the smallest step). */
export function fitWidthScale(areaWidth: number, widestPage: number): number {
  if (!(widestPage > 0) || !(areaWidth > 0)) return 1;
  return clamp((areaWidth - GUTTER) / widestPage);
}

export function clamp(scale: number): number {
  return Math.min(MAX, Math.max(MIN, Math.round(scale * 1000) / 1000));
}

/** The next step in or out from `scale` (which may lie between steps, as fit width does). */
export function stepZoom(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > scale + 1e-3) ?? MAX;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 1e-3) ?? MIN;
}

/** A stored zoom read back: 'fit' or a scale within the steps; anything else is fit width. */
export function parseZoom(value: string | null): Zoom {
  if (value === null || value === 'fit') return 'fit';
  const n = Number(value);
  return Number.isFinite(n) && n >= MIN && n <= MAX ? n : 'fit';
}

/** The scale a zoom means in an area `areaWidth` wide. */
export function scaleOf(zoom: Zoom, areaWidth: number, widestPage: number): number {
  return zoom === 'fit' ? fitWidthScale(areaWidth, widestPage) : zoom;
}
