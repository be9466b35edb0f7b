import { describe, expect, it } from 'vitest';
import { textContentOfHtml } from './fragment-text';
import { parseIntoBody } from './html-window';
import { textToHtml } from './text-to-html';

describe('textToHtml', () => {
  it.each([
    'one paragraph',
    'a\n\nb',
    'a\r\n\r\nb\r\nc',
    '\n\n  lead and trail  \n\n',
    'a\n   \n\t\nb',
    'old mac\r\rline',
    '<b>not markup</b> & entities &amp;',
    '   ',
    'tabs\tand\u00a0nbsp and \u2028 separators',
  ])('keeps the text exactly: %j', (text) => {
    const html = textToHtml(text);
    expect(parseIntoBody(html).textContent).toBe(text);
    expect(textContentOfHtml(html)).toBe(text);
  });

  it('makes one paragraph per blank-line-separated block', () => {
    expect(textToHtml('a\nb\n\nc')).toBe('<p>a\nb</p>\n\n<p>c</p>');
    expect(textToHtml('a\r\nb')).toBe('<p>a&#13;\nb</p>');
  });
});
