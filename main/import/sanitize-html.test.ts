import { describe, expect, it } from 'vitest';
import { sanitizeHtml, sanitizeToBody } from './sanitize-html';

describe('sanitizeHtml', () => {
  it('removes scripts and event handlers (classes a, b)', () => {
    const out = sanitizeHtml(
      '<p>x<script>alert(1)</script><b onclick="alert(2)" onmouseover=alert(3)>y</b></p><input autofocus onfocus=alert(4)>',
    );
    expect(out).toBe('<p>x<b>y</b></p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    '&#x2028;javascript:alert(1)',
    ' \tjavascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '\\\\attacker\\share\\x.exe',
    'app://local/C:/Users',
    'typora://app/updater',
    'myapp://open',
    '/relative/path',
  ])('drops the link target %s but keeps the text (classes c, f, h)', (href) => {
    expect(sanitizeHtml(`<a href="${href}">t</a>`)).toBe('<a>t</a>');
  });

  it('keeps http, https, mailto and fragment links, without target or rel', () => {
    expect(sanitizeHtml('<a href="https://a.example/x" target="_blank" rel="opener">a</a>')).toBe(
      '<a href="https://a.example/x">a</a>',
    );
    expect(sanitizeHtml('<a href="http://a.example/">b</a>')).toBe('<a href="http://a.example/">b</a>');
    expect(sanitizeHtml('<a href="mailto:x@a.example">c</a>')).toBe('<a href="mailto:x@a.example">c</a>');
    expect(sanitizeHtml('<a href="#note-1">d</a>')).toBe('<a href="#note-1">d</a>');
  });

  it('removes SVG, and keeps MathML harmless, including namespace-confusion mXSS (class d)', () => {
    expect(sanitizeHtml('<svg><svg onload=alert(1)></svg></svg><p>ok</p>')).toBe('<p>ok</p>');
    expect(sanitizeHtml('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>')).not.toMatch(
      /svg|xlink|javascript/,
    );
    const mxss = sanitizeHtml('<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>');
    expect(mxss).not.toMatch(/onerror|<img|<style|<form/);
    const math = sanitizeHtml(
      '<math><mi xlink:href="javascript:alert(1)" href="javascript:alert(2)">x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(3)></annotation-xml></math>',
    );
    expect(math).toBe('<math><mi>x</mi></math>');
  });

  it('keeps MathML, so a formula never vanishes mid-sentence, and drops its TeX annotation', () => {
    expect(
      sanitizeHtml(
        '<p>Area <math><semantics><mrow><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">\\pi r^2</annotation></semantics></math> here.</p>',
      ),
    ).toBe('<p>Area <math><mrow><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></mrow></math> here.</p>');
  });

  it('removes iframes, srcdoc, embeds, objects, links, base, meta refresh, forms and buttons (class e)', () => {
    const out = sanitizeHtml(
      '<iframe src="https://e.example" onload=alert(1)></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>' +
        '<embed src="https://e.example/x.swf"><object data="https://e.example/o"></object><link rel=stylesheet href="https://e.example/s.css">' +
        '<base href="https://e.example/"><meta http-equiv="refresh" content="0;url=https://e.example">' +
        '<form action="https://e.example"><button formaction="https://e.example">Go</button><textarea>t</textarea><select><option>o</option></select></form><p>end</p>',
    );
    expect(out).not.toMatch(
      /iframe|srcdoc|embed|object|<link|<base|<meta|<form|<button|formaction|action=|<textarea|<select/i,
    );
    expect(out).toContain('<p>end</p>');
  });

  it('removes style elements and style attributes (class g)', () => {
    const out = sanitizeHtml(
      '<style>input[value^=a]{background:url(https://e.example/a)} @import url(https://e.example/i.css);</style><p style="background:url(https://e.example/b)">x</p>',
    );
    expect(out).toBe('<p>x</p>');
  });

  it('removes data-*, id, name and class attributes (classes j and DOM clobbering)', () => {
    const out = sanitizeHtml(
      '<div data-background-iframe="javascript:alert(1)" id="root" class="app">a</div><img name="createElement" alt="c" src="data:image/png;base64,iVBORw0KGgo="><form id="__proto__">f</form>',
    );
    expect(out).not.toMatch(/data-|id=|name=|class=|<form/);
    expect(out).toContain('<div>a</div>');
  });

  it('replaces remote images by their alt text and drops tracking pixels', () => {
    expect(
      sanitizeHtml(
        '<p><img src="https://img.example/a.jpg" alt="A harbour at dusk" srcset="https://img.example/b.jpg 2x"></p>',
      ),
    ).toBe('<p>[image: A harbour at dusk]</p>');
    expect(sanitizeHtml('<p>x<img src="https://tracker.example/p.gif" width=1 height=1></p>')).toBe('<p>x</p>');
  });

  it('keeps inline raster images but not SVG data images', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(sanitizeHtml(`<img src="${png}" alt="dot">`)).toBe(`<img src="${png}" alt="dot">`);
    expect(sanitizeHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="vector">')).toBe('[image: vector]');
  });

  it('removes media, noscript and template content', () => {
    const out = sanitizeHtml(
      '<video src="https://e.example/v.mp4" poster="https://e.example/p.jpg"></video><audio src="https://e.example/a.mp3"></audio><noscript><p title="</noscript><img src=x onerror=alert(1)>">n</p></noscript><template><script>alert(1)</script></template><p>ok</p>',
    );
    expect(out).toBe('<p>ok</p>');
  });

  it('drops elements the page hid', () => {
    expect(sanitizeHtml('<p>shown</p><div hidden>secret</div>')).toBe('<p>shown</p>');
  });

  it('survives deep nesting without executing anything', () => {
    const deep = '<div>'.repeat(300) + '<img src=x onerror=alert(1)>text' + '</div>'.repeat(300);
    const out = sanitizeHtml(deep);
    expect(out).not.toContain('onerror');
  });

  it('drops role attributes, so article text cannot pose as the app’s controls', () => {
    expect(sanitizeHtml('<p role="button" aria-label="Delete">Body</p>')).toBe('<p>Body</p>');
  });

  it('drops ids, except the link targets an importer named itself, and redirects its dangling links', () => {
    const links = {
      targets: new Set(['user-content-epub-2-sec3']),
      redirects: new Map<string, string | null>([
        ['#epub-2-gone', '#epub-2'],
        ['#epub-3', null],
      ]),
    };
    const dirty =
      '<h2 id="user-content-epub-2-sec3">Kept</h2><p id="user-content-epub-1">Not a target</p><p id="sec3">Plain</p>' +
      '<a href="#epub-2-gone">a</a><a href="#epub-3">b</a><a href="#epub-2-sec3">c</a>';
    expect(sanitizeToBody(dirty, { links }).innerHTML).toBe(
      '<h2 id="user-content-epub-2-sec3">Kept</h2><p>Not a target</p><p>Plain</p>' +
        '<a href="#epub-2">a</a><a>b</a><a href="#epub-2-sec3">c</a>',
    );
    // The options were for that call only.
    expect(sanitizeHtml('<h2 id="user-content-epub-2-sec3">Kept</h2><a href="#epub-3">b</a>')).toBe(
      '<h2>Kept</h2><a href="#epub-3">b</a>',
    );
  });
});
