// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderNote } from './note-markdown';

describe('renderNote', () => {
  it('renders Markdown', () => {
    const html = renderNote('Some **bold** and a [link](https://example.org/x).\n\n- one\n- two');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org/x">link</a>');
    expect(html).toContain('<li>one</li>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = renderNote('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img');
  });

  it('keeps only https and mailto links', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'http://example.org',
      'file:///etc/passwd',
      'vbscript:x',
    ]) {
      expect(renderNote(`[a](${url})`)).not.toContain('href');
    }
    expect(renderNote('[mail](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
  });

  it('does not load images, even https ones', () => {
    expect(renderNote('![x](https://example.org/pixel.gif)')).not.toContain('<img');
  });
});
