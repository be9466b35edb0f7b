// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from './sanitize-article';

function render(html: string): HTMLElement {
  const root = document.createElement('div');
  root.append(sanitizeArticleHtml(html));
  return root;
}

describe('sanitizeArticleHtml', () => {
  it('removes active and remote content but keeps the text', () => {
    const root = render(
      '<p onclick="x()">Hello <a href="javascript:alert(1)">there</a></p><script>alert(1)</script>' +
        '<iframe src="https://evil.example"></iframe><style>p{}</style><img src="https://tracker.example/p.gif" alt="">' +
        '<form><p>kept</p></form><p style="color:red" data-x="1">styled</p>',
    );
    expect(root.querySelector('script, iframe, style, form, [onclick], [style], [data-x]')).toBeNull();
    expect(root.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(root.querySelector('img')?.hasAttribute('src')).toBe(false);
    expect(root.textContent).toBe('Hello therekeptstyled');
  });

  it('keeps https, mailto and fragment links and embedded images, drops other schemes', () => {
    const root = render(
      '<a href="https://example.org/a">a</a><a href="mailto:x@example.org">b</a><a href="#n">c</a>' +
        '<a href="file:///etc/passwd">d</a><a href="app://local/x">e</a><img src="data:image/png;base64,AAAA" alt="i">',
    );
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/a', 'mailto:x@example.org', '#n', null, null]);
    expect(root.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
  });

  it('does not change the text content of ordinary article markup', () => {
    const html =
      '<h2 id="s1">Section</h2><p>Tides rose <em>fast</em>, 3.4 m.</p>\n<blockquote><p>“Quote.”</p></blockquote>';
    const reference = document.createElement('div');
    reference.innerHTML = html;
    expect(render(html).textContent).toBe(reference.textContent);
  });

  it('keeps a PDF page’s size and its lines’ boxes, numbers only, and no other data attribute', () => {
    const root = render(
      '<section class="pdf-page" aria-label="Page 1" data-width="595" data-height="842.5" data-x="3">' +
        '<p><span class="pdf-line" data-x="60" data-y="52.4" data-w="157.4" data-h="12" data-width="9">One</span> ' +
        '<span class="pdf-line" data-x="javascript:1" data-y="1e9">two</span> <span data-x="5">three</span></p></section>',
    );
    const section = root.querySelector('section')!;
    expect([section.dataset.width, section.dataset.height, section.dataset.x]).toEqual(['595', '842.5', undefined]);
    const [one, two, three] = Array.from(root.querySelectorAll('span'));
    expect({ ...one!.dataset }).toEqual({ x: '60', y: '52.4', w: '157.4', h: '12' });
    expect({ ...two!.dataset }).toEqual({});
    expect({ ...three!.dataset }).toEqual({});
    expect(root.textContent).toBe('One two three');
  });
});
