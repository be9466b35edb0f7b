import { describe, expect, it } from 'vitest';
import { fitWidthScale, parseZoom, scaleOf, stepZoom, ZOOM_STEPS } from './zoom';

describe('the page view’s zoom', () => {
  it('fits the widest page to the reading area, within the steps', () => {
    expect(fitWidthScale(595 + 48, 595)).toBe(1);
    expect(fitWidthScale(1240, 595)).toBeCloseTo(2, 2);
    expect(fitWidthScale(100, 595)).toBe(ZOOM_STEPS[0]);
    expect(fitWidthScale(10_000, 595)).toBe(4);
    expect(fitWidthScale(800, 0)).toBe(1);
  });

  it('steps in and out from any scale to the next step, and back to the same one', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1.1, -1)).toBe(1);
    // Fit width lies between steps.
    expect(stepZoom(1.474, 1)).toBe(1.5);
    expect(stepZoom(1.474, -1)).toBe(1.25);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });

  it('reads a kept zoom back, anything odd as fit width', () => {
    expect(parseZoom('1.25')).toBe(1.25);
    expect(parseZoom('fit')).toBe('fit');
    expect(parseZoom(null)).toBe('fit');
    expect(parseZoom('40')).toBe('fit');
    expect(parseZoom('NaN')).toBe('fit');
    expect(scaleOf(1.25, 900, 595)).toBe(1.25);
    expect(scaleOf('fit', 900, 595)).toBeCloseTo((900 - 48) / 595, 2);
  });
});
