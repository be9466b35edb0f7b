// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { hasPageGeometry, layOutTextLayer } from './text-layer';

const PAGE =
  '<section class="pdf-page" aria-label="Page 1" data-width="595" data-height="842">' +
  '<h1><span class="pdf-line" data-x="60" data-y="52.4" data-w="200" data-h="22">A Title</span></h1>\n\n' +
  '<p><span class="pdf-line" data-x="72" data-y="100" data-w="300" data-h="12">First line of</span> ' +
  '<span class="pdf-line" data-x="60" data-y="116" data-w="320" data-h="12">the paragraph.</span></p></section>';

describe('the text layer over a PDF’s pages', () => {
  it('is there only for markup with page geometry', () => {
    expect(hasPageGeometry(PAGE)).toBe(true);
    expect(hasPageGeometry('<section class="pdf-page" aria-label="Page 1"><p>Old import.</p></section>')).toBe(false);
    expect(hasPageGeometry('<p>An article.</p>')).toBe(false);
  });

  it('gives each page its size, each paragraph its box and each line its place in that box', () => {
    // jsdom has no canvas: no line is measured, so none is stretched.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const root = document.createElement('div');
    root.innerHTML = PAGE;
    const text = root.textContent;
    const pages = layOutTextLayer(root);
    pages[0]!.measure();
    expect(pages.map((p) => [p.width, p.height])).toEqual([[595, 842]]);
    const vars = (el: Element, names: string[]) => names.map((n) => (el as HTMLElement).style.getPropertyValue(n));
    const section = root.querySelector('section')!;
    expect(vars(section, ['--page-w', '--page-h'])).toEqual(['595', '842']);
    const p = root.querySelector('p')!;
    expect(vars(p, ['--x', '--y', '--w', '--h'])).toEqual(['60', '100', '320', '28']);
    const [first, second] = Array.from(p.querySelectorAll('span'));
    expect(vars(first!, ['--x', '--y', '--h', '--sx'])).toEqual(['12', '0', '12', '1']);
    expect(vars(second!, ['--x', '--y', '--h', '--sx'])).toEqual(['0', '16', '12', '1']);
    // Nothing added to the text the highlights index into.
    expect(root.textContent).toBe(text);
  });
});
