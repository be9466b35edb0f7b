import { describe, expect, it } from 'vitest';
import { neutraliseNoteMarkdown, unneutraliseNote } from './note-markdown';
import { renderMarkdown } from '../../tests/support/render-check';

// Render with raw HTML allowed and markdown-it's own link check off, so only our neutralising counts.
const render = (md: string) => renderMarkdown(neutraliseNoteMarkdown(md), true);

describe('neutraliseNoteMarkdown', () => {
  it('keeps the user’s Markdown', () => {
    const note =
      '**Bold**, *em*, `code <b>`, [site](https://example.org/x?a=1) and [mail](mailto:a@example.org)\n\n- list\n\n> quote';
    expect(neutraliseNoteMarkdown(note)).toBe(note);
    const frag = render(note);
    expect(frag.querySelector('strong')?.textContent).toBe('Bold');
    expect(frag.querySelector('code')?.textContent).toBe('code <b>');
    expect([...frag.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/x?a=1',
      'mailto:a@example.org',
    ]);
  });

  it('makes every link but https: and mailto: inert, however it is spelled', () => {
    const hostile = [
      '[a](javascript:alert(1))',
      '[a](JaVa&#x09;Script:alert(1))',
      '[a]( javascript:alert(1) )',
      '[a](<javascript:alert(1)>)',
      '[a](data:text/html,<script>alert(1)</script>)',
      '[a](vbscript:msgbox(1))',
      '[a](file:///etc/passwd)',
      '[a](\\\\attacker\\share\\x.exe)',
      '[a](app://local/C:/Users)',
      '![i](javascript:alert(1))',
      '[a][r]\n\n[r]: javascript:alert(1)',
      '<javascript:alert(1)>',
      '<file:///etc/passwd>',
    ];
    for (const note of hostile) {
      const frag = render(note);
      for (const el of frag.querySelectorAll('[href], [src]')) {
        expect(el.getAttribute('href') ?? el.getAttribute('src'), note).toMatch(/^(https:|mailto:)/);
      }
    }
  });

  it('turns raw HTML into text', () => {
    for (const note of [
      '</mark><script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg><svg onload=alert(1)>',
      '<iframe srcdoc="<script>alert(1)</script>">',
      '<!-- c --><style>*{}</style>',
    ]) {
      const frag = render(note);
      expect(frag.querySelector('script, img, svg, iframe, style'), note).toBeNull();
      expect(frag.textContent).toContain(note.slice(0, 8));
    }
  });

  it('keeps code as code, closed, and stops %% from opening a comment', () => {
    // Fenced code becomes indented code: Python-Markdown reads no fence inside a footnote, and none left open.
    expect(neutraliseNoteMarkdown('```js\n<script>x</script>\n```')).toBe('    <script>x</script>');
    expect(neutraliseNoteMarkdown('before\n```\nnever closed')).toBe('before\n\n    never closed');
    expect(neutraliseNoteMarkdown('a %% b')).toBe('a &#37;&#37; b');
    // Python-Markdown reads `\<` as a backslash and a tag.
    expect(neutraliseNoteMarkdown('already \\<escaped>')).toBe('already &lt;escaped>');
  });

  it('defuses the vectors other renderers read differently', () => {
    const cases: Array<[string, string]> = [
      ['a `span\n\n<b>x</b>`', 'a `span\n\n&lt;b>x&lt;/b>`'],
      ['- [r]: javascript:alert(1)', '- \\[r]: javascript:alert(1)'],
      ['> [r]: javascript:alert(1)', '> \\[r]: javascript:alert(1)'],
      ['[r]:\n  javascript:alert(1)', '\\[r]:\n  javascript:alert(1)'],
      ['[ok]: https://example.org', '[ok]: https://example.org'],
      ['![pixel](https://tracker.example/p.png)', '[pixel](https://tracker.example/p.png)'],
      ['[x]{onclick="alert(1)"}', '[x]\\{onclick="alert(1)"}'],
      ['a line ending like a block id ^abc123', 'a line ending like a block id &#94;abc123'],
    ];
    for (const [note, expected] of cases) expect(neutraliseNoteMarkdown(note), note).toBe(expected);
  });

  it('reads an edited note back without the escapes it added', () => {
    for (const note of ['<b>x</b> and 50%% and [x]{y} and [a](javascript:b)', '- [r]: javascript:x', 'id ^abc123']) {
      expect(unneutraliseNote(neutraliseNoteMarkdown(note)), note).toBe(note);
    }
  });
});
