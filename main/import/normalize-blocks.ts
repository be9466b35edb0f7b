// Serialises a sanitized DOM to HTML whose textContent is clean reading text: whitespace collapsed the
// way a browser renders it, and blocks separated by explicit "\n\n" text nodes (list items and table
// rows by "\n", table cells by "\t"). Annotation offsets index into that text, so it must be exactly
// the textContent of the stored HTML, in jsdom and in Chromium alike.
//
// It writes strings instead of mutating the DOM: jsdom mutations cost O(siblings) each (live child
// lists are re-snapshotted), which made rewriting a long article in place quadratic.

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'COL',
  'COLGROUP',
  'DD',
  'DETAILS',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'LISTING',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SEARCH',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'XMP',
]);

const VOID_TAGS = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'SOURCE',
  'TRACK',
  'WBR',
]);

const LINE_SEPARATED = new Set(['UL', 'OL', 'MENU', 'DIR', 'DL', 'LI', 'DD', 'DT', 'TABLE', 'THEAD', 'TBODY', 'TFOOT']);

/** HTML collapsible whitespace, plus NBSP: canonical text uses plain spaces. */
const WHITESPACE_RUN = /[ \t\n\f\r\u00a0]+/g;
const HAS_VISIBLE = /[^ \t\n\f\r\u00a0]/;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

function separatorFor(container: Element): string {
  if (container.tagName === 'TR') return '\t';
  return LINE_SEPARATED.has(container.tagName) ? '\n' : '\n\n';
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttr(s: string): string {
  return s.replace(/[&"<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
}

// Inside the reader's own <article>, a page's landmarks would only confuse a
// screen reader's map of the app (and could pose as its controls): they are
// written out as plain blocks. Renaming here, while serializing, costs nothing;
// moving children in jsdom's DOM is quadratic on long articles.
const DEMOTED = new Set(['article', 'main', 'nav', 'aside', 'header', 'footer']);

function outputName(el: Element): string {
  return DEMOTED.has(el.localName) ? 'div' : el.localName;
}

function startTag(el: Element): string {
  let s = '<' + outputName(el);
  for (const attr of Array.from(el.attributes)) s += ` ${attr.name}="${escapeAttr(attr.value)}"`;
  return s + '>';
}

interface Facts {
  /** Blocks, and inline elements wrapping blocks (an <a> around paragraphs). */
  blockish: Set<Element>;
  /** Elements holding visible (non-whitespace) text. */
  hasText: Set<Element>;
  /** Elements holding an <img>. */
  hasImage: Set<Element>;
}

/** One linear pass, children before parents, so separators can be decided before anything is written. */
function gatherFacts(root: Element): Facts {
  const facts: Facts = { blockish: new Set(), hasText: new Set(), hasImage: new Set() };
  const nodes: Node[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const parent = node.parentElement;
    if (!parent) continue;
    if (node.nodeType === TEXT_NODE) {
      if (HAS_VISIBLE.test((node as Text).data)) facts.hasText.add(parent);
      continue;
    }
    const el = node as Element;
    if (BLOCK_TAGS.has(el.tagName) || facts.blockish.has(el)) facts.blockish.add(parent).add(el);
    if (facts.hasText.has(el)) facts.hasText.add(parent);
    if (el.tagName === 'IMG' || facts.hasImage.has(el)) facts.hasImage.add(parent);
  }
  // The loop marks parents of blocks as blockish; the root itself is a container anyway.
  return facts;
}

class Writer {
  readonly html: string[] = [];
  readonly text: string[] = [];
  // Inline-run state. A trailing space or a <br> is only kept when more text follows, so each leaves an
  // empty slot in both outputs where it occurred, filled in once the next text arrives.
  private atLineStart = true;
  private pendingSpace: [number, number] | null = null;
  private pendingBreak: [number, number] | null = null;

  constructor(private readonly facts: Facts) {}

  markup(s: string): void {
    this.html.push(s);
  }

  separator(sep: string): void {
    this.html.push(sep);
    this.text.push(sep);
  }

  private startRun(): void {
    this.atLineStart = true;
    this.pendingSpace = null;
    this.pendingBreak = null;
  }

  private slot(): [number, number] {
    this.html.push('');
    this.text.push('');
    return [this.html.length - 1, this.text.length - 1];
  }

  private fill(slot: [number, number], html: string, text: string): void {
    this.html[slot[0]] = html;
    this.text[slot[1]] = text;
  }

  private runText(data: string): void {
    let s = data.replace(WHITESPACE_RUN, ' ');
    if (this.atLineStart && s.startsWith(' ')) s = s.slice(1);
    if (s === '') return;
    if (this.pendingBreak) this.fill(this.pendingBreak, '<br>\n', '\n');
    else if (this.pendingSpace) this.fill(this.pendingSpace, ' ', ' ');
    this.pendingBreak = null;
    this.pendingSpace = null;
    const trailingSpace = s.endsWith(' ');
    if (trailingSpace) s = s.slice(0, -1);
    if (s !== '') {
      this.html.push(escapeText(s));
      this.text.push(s);
    }
    if (trailingSpace) this.pendingSpace = this.slot();
    this.atLineStart = trailingSpace;
  }

  private runNode(node: Node, started: { value: boolean }): void {
    if (node.nodeType === TEXT_NODE) {
      this.runText((node as Text).data);
      started.value ||= HAS_VISIBLE.test((node as Text).data);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return; // comments and the like are dropped
    const el = node as Element;
    if (el.tagName === 'BR') {
      // A break before any text, or right after another, adds nothing readable; one at the end is dropped.
      if (started.value && !this.pendingBreak) {
        this.pendingBreak = this.slot();
        this.pendingSpace = null;
        this.atLineStart = true;
      }
      return;
    }
    this.html.push(startTag(el));
    if (VOID_TAGS.has(el.tagName)) return;
    for (let c = el.firstChild; c; c = c.nextSibling) this.runNode(c, started);
    this.html.push(`</${outputName(el)}>`);
  }

  run(nodes: Node[]): void {
    this.startRun();
    const started = { value: false };
    for (const n of nodes) this.runNode(n, started);
  }

  /** Preformatted text keeps its spacing; only line endings and edge blank lines are made canonical. */
  pre(pre: Element): void {
    const parts: { kind: 'text' | 'tag'; value: string }[] = [];
    const walk = (el: Element): void => {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE) parts.push({ kind: 'text', value: (c as Text).data.replace(/\r\n?/g, '\n') });
        else if (c.nodeType === ELEMENT_NODE) {
          const e = c as Element;
          if (e.tagName === 'BR') parts.push({ kind: 'text', value: '\n' });
          else if (VOID_TAGS.has(e.tagName)) parts.push({ kind: 'tag', value: startTag(e) });
          else if (BLOCK_TAGS.has(e.tagName)) {
            // A paragraph (or div) inside <pre> is a line of it: written as its text and a line break.
            const last = parts.findLast((p) => p.kind === 'text' && p.value !== '');
            if (last && !last.value.endsWith('\n')) parts.push({ kind: 'text', value: '\n' });
            walk(e);
            parts.push({ kind: 'text', value: '\n' });
          } else {
            parts.push({ kind: 'tag', value: startTag(e) });
            walk(e);
            parts.push({ kind: 'tag', value: `</${outputName(e)}>` });
          }
        }
      }
    };
    walk(pre);
    // The parser drops a newline right after <pre>, so a leading one would not survive a round trip.
    for (const p of parts) {
      if (p.kind !== 'text') continue;
      p.value = p.value.replace(/^(?:[ \t\f\u00a0]*\n)+/, '');
      if (p.value !== '') break;
    }
    for (let i = parts.length - 1; i >= 0; i--) {
      const p = parts[i]!;
      if (p.kind !== 'text') continue;
      p.value = p.value.trimEnd();
      if (p.value !== '') break;
    }
    this.html.push(startTag(pre));
    for (const p of parts) {
      if (p.kind === 'tag') this.html.push(p.value);
      else {
        this.html.push(escapeText(p.value));
        this.text.push(p.value);
      }
    }
    this.html.push('</pre>');
  }

  /** Writes a block container's children, with separators between the items that carry text. */
  container(el: Element): void {
    const { blockish, hasText, hasImage } = this.facts;
    const sep = separatorFor(el);
    let written = 0;
    let run: Node[] = [];
    let runHasText = false;
    const flush = (): void => {
      if (run.length === 0) return;
      if (runHasText && written++ > 0) this.separator(sep);
      this.run(run);
      run = [];
      runHasText = false;
    };
    const row = el.tagName === 'TR';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE && blockish.has(c as Element)) {
        flush();
        const child = c as Element;
        // Every cell of a row is kept, empty or image-only too, so columns stay under their headers.
        if (hasText.has(child) || (row && (child.tagName === 'TD' || child.tagName === 'TH'))) {
          if (written++ > 0) this.separator(sep);
          this.block(child);
        } else if (child.tagName === 'HR' || child.tagName === 'COL' || hasImage.has(child)) {
          this.block(child); // shows something, adds no text
        }
      } else if (c.nodeType === TEXT_NODE || c.nodeType === ELEMENT_NODE) {
        run.push(c);
        if (c.nodeType === TEXT_NODE ? HAS_VISIBLE.test((c as Text).data) : hasText.has(c as Element))
          runHasText = true;
      }
    }
    flush();
  }

  block(el: Element): void {
    if (el.tagName === 'PRE') return this.pre(el);
    this.html.push(startTag(el));
    if (VOID_TAGS.has(el.tagName)) return;
    this.container(el);
    this.html.push(`</${outputName(el)}>`);
  }
}

/**
 * Serialises the content of `root` (sanitized markup) as normalized HTML plus its canonical text.
 * Comments are dropped; `root` is not modified.
 */
export function normalizeBlocks(root: Element): { html: string; text: string } {
  const writer = new Writer(gatherFacts(root));
  writer.container(root);
  return { html: writer.html.join(''), text: writer.text.join('') };
}
