// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chunkLongBody, chunksOf } from './chunk-body';

// Long paragraphs (about 500 characters), so a few hundred make a long article: jsdom is slow with many nodes.
const SENTENCE = 'The committee heard about the budget, the ministers and the long winter. ';
const paragraph = (i: number): string => `<p>Paragraph ${i}. ${SENTENCE.repeat(7)}</p>`;

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

const many = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => paragraph(from + i)).join('\n');

describe('chunkLongBody', () => {
  it('leaves a short article exactly as it was', () => {
    const root = body(many(20));
    const before = root.innerHTML;
    expect(chunkLongBody(root, 120_000)).toBe(0);
    expect(root.innerHTML).toBe(before);
  });

  it('groups a long article into chunks without changing a character of its text', () => {
    const root = body(many(1200));
    const text = root.textContent;
    const chunks = chunkLongBody(root, 120_000);
    expect(chunks).toBeGreaterThan(5);
    expect(chunks).toBeLessThan(20);
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll('p')).toHaveLength(1200);
    // Every block sits in exactly one chunk, in order, and no chunk holds another.
    for (const chunk of chunksOf(root)) {
      expect(chunk.parentElement).toBe(root);
      expect(chunk.style.containIntrinsicSize).toMatch(/^auto \d+em$/);
    }
    expect(root.querySelector('p')!.parentElement!.className).toBe('article-chunk');
  });

  it('keeps the newline between two blocks with the block before it', () => {
    const root = body(many(1200));
    chunkLongBody(root, 120_000);
    const [first, second] = chunksOf(root);
    expect(first!.lastChild!.nodeType).toBe(Node.TEXT_NODE);
    expect(second!.firstChild!.nodeName).toBe('P');
  });

  it('looks inside a wrapper around the whole article, and inside any part too big for one chunk', () => {
    const root = body(`<div><h2>One</h2><section>${many(600)}</section><section>${many(600, 600)}</section></div>`);
    const text = root.textContent;
    chunkLongBody(root, 120_000);
    expect(root.textContent).toBe(text);
    const sections = root.querySelectorAll('section');
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section.parentElement!.className).not.toBe('article-chunk');
      expect(section.querySelector('.article-chunk')).not.toBeNull();
    }
    expect(root.querySelector('h2')!.parentElement!.className).toBe('article-chunk');
  });

  it('never regroups the items of a list or the rows of a table', () => {
    const items = Array.from({ length: 600 }, (_, i) => `<li>${paragraph(i)}</li>`).join('');
    const root = body(`<ol>${items}</ol>${many(20)}`);
    chunkLongBody(root, 120_000);
    const list = root.querySelector('ol')!;
    expect(list.children).toHaveLength(600);
    expect(Array.from(list.children).every((child) => child.tagName === 'LI')).toBe(true);
  });
});
