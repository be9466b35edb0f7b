// Places highlight marks into the article DOM as sentinel characters, by
// canonical-text offsets (the canonical text is the DOM's textContent).
//
// Overlapping highlights stay separate: the text is cut at every highlight
// boundary into runs, each run is marked on its own, and a highlight's
// footnote reference follows its last run. A run never crosses a block (a
// paragraph, list item, heading) and never half-covers an inline element:
// it is split so that every `==…==` nests properly with `*`, `**` and links.
// Code is atomic (a run touching inline code covers all of it) and code blocks
// get no marks at all, since `==` inside code is literal.

export const OPEN = '\uE000';
export const CLOSE = '\uE001';
const footnoteSentinel = (n: number): string => `\uE002${n}\uE003`;

export interface PlacedHighlight {
  start: number;
  end: number;
  /** Footnote number, or null when the highlight has no footnote. */
  footnote: number | null;
}

const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CENTER DD DETAILS DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LI MAIN MENU NAV OL P SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);

interface Span {
  start: number;
  end: number;
}

type Anchor = { kind: 'text'; node: Text; offset: number } | { kind: 'before' | 'after'; node: Node };

interface Member {
  node: Node;
  /** For text nodes: the covered part, in node-local offsets. */
  from: number;
  to: number;
}

export class SentinelPlacer {
  private readonly spans = new Map<Node, Span>();
  private readonly children = new Map<Node, Node[]>();
  private readonly textNodes: Text[] = [];
  private readonly blockish = new Map<Node, boolean>();
  private readonly textInserts = new Map<Text, Array<{ offset: number; seq: number; str: string }>>();
  private readonly nodeInserts = new Map<Node, { before: string[]; after: string[] }>();
  private seq = 0;
  /** Inline code a run already covers whole; a later run must not wrap it again. */
  private readonly wrapped = new Set<Node>();
  readonly text: string;

  constructor(private readonly root: Node) {
    const parts: string[] = [];
    let pos = 0;
    const visit = (node: Node): void => {
      const start = pos;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        parts.push(data);
        this.textNodes.push(node as Text);
        pos += data.length;
      } else {
        for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      }
      this.spans.set(node, { start, end: pos });
    };
    visit(root);
    this.text = parts.join('');
  }

  /** Marks the highlights; they must be valid ranges of `this.text`. */
  place(highlights: PlacedHighlight[]): void {
    const bounds = new Set<number>();
    for (const h of highlights) {
      bounds.add(h.start);
      bounds.add(h.end);
    }
    const points = [...bounds].sort((a, b) => a - b);
    const byEnd = new Map<number, PlacedHighlight[]>();
    for (const h of highlights) {
      if (h.footnote === null) continue;
      const list = byEnd.get(h.end) ?? [];
      list.push(h);
      byEnd.set(h.end, list);
    }
    // Sweep the boundaries, keeping a count of active highlights.
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    for (const h of highlights) {
      starts.set(h.start, (starts.get(h.start) ?? 0) + 1);
      ends.set(h.end, (ends.get(h.end) ?? 0) + 1);
    }
    let active = 0;
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      active += (starts.get(p) ?? 0) - (ends.get(p) ?? 0);
      const next = points[i + 1];
      let lastClose: Anchor | null = null;
      if (next !== undefined && active > 0) lastClose = this.markRun(p, next);
      const ending = next !== undefined ? byEnd.get(next) : undefined;
      if (ending) {
        ending.sort((a, b) => a.footnote! - b.footnote!);
        const at = this.outsideLinks(lastClose ?? this.pointAnchor(next!));
        for (const h of ending) this.insert(at, footnoteSentinel(h.footnote!));
      }
    }
  }

  /** Writes the collected sentinels into the DOM. */
  apply(): void {
    for (const [node, list] of this.textInserts) {
      list.sort((a, b) => a.offset - b.offset || a.seq - b.seq);
      let data = node.data;
      let out = '';
      let last = 0;
      for (const ins of list) {
        out += data.slice(last, ins.offset) + ins.str;
        last = ins.offset;
      }
      node.data = out + data.slice(last);
      data = '';
    }
    for (const [node, ins] of this.nodeInserts) {
      const doc = node.ownerDocument!;
      const parent = node.parentNode!;
      if (ins.before.length) parent.insertBefore(doc.createTextNode(ins.before.join('')), node);
      if (ins.after.length) parent.insertBefore(doc.createTextNode(ins.after.join('')), node.nextSibling);
    }
  }

  private markRun(s: number, e: number): Anchor | null {
    const last: { anchor: Anchor | null } = { anchor: null };
    this.walk(this.root, s, e, last);
    return last.anchor;
  }

  private walk(container: Node, s: number, e: number, last: { anchor: Anchor | null }): void {
    let group: Member[] = [];
    const flush = (): void => {
      const anchor = this.emitGroup(group);
      if (anchor) last.anchor = anchor;
      group = [];
    };
    const kids = this.kidsOf(container);
    for (let i = this.firstOverlapping(kids, s); i < kids.length; i++) {
      const c = kids[i]!;
      const span = this.spans.get(c)!;
      if (span.start >= e && !(span.start === span.end && span.start < e)) break;
      if (span.end <= s && !(span.start === span.end && span.start > s)) continue;
      if (c.nodeType === 3) {
        group.push({ node: c, from: Math.max(s, span.start) - span.start, to: Math.min(e, span.end) - span.start });
        continue;
      }
      if (c.nodeType !== 1) continue;
      const tag = (c as Element).tagName;
      if (tag === 'PRE') {
        flush();
        continue;
      }
      if (this.isBlockish(c as Element)) {
        flush();
        this.walk(c, Math.max(s, span.start), Math.min(e, span.end), last);
        continue;
      }
      const inside = span.start >= s && span.end <= e;
      if (tag === 'CODE' && !inside) {
        if (this.wrapped.has(c)) flush();
        else {
          this.wrapped.add(c);
          group.push({ node: c, from: 0, to: span.end - span.start });
        }
        continue;
      }
      if (inside) {
        group.push({ node: c, from: 0, to: span.end - span.start });
        continue;
      }
      flush();
      this.walk(c, Math.max(s, span.start), Math.min(e, span.end), last);
    }
    flush();
  }

  /** Trims whitespace at the edges of a group, then records its OPEN and CLOSE. */
  private emitGroup(group: Member[]): Anchor | null {
    const ws = /\s/;
    while (group.length) {
      const m = group[0]!;
      if (m.node.nodeType === 3) {
        const data = (m.node as Text).data;
        while (m.from < m.to && ws.test(data[m.from]!)) m.from++;
        if (m.from < m.to) break;
      } else if (this.hasText(m)) break;
      group.shift();
    }
    while (group.length) {
      const m = group[group.length - 1]!;
      if (m.node.nodeType === 3) {
        const data = (m.node as Text).data;
        while (m.to > m.from && ws.test(data[m.to - 1]!)) m.to--;
        if (m.to > m.from) break;
      } else if (this.hasText(m)) break;
      group.pop();
    }
    if (!group.length) return null;
    const first = group[0]!;
    const lastM = group[group.length - 1]!;
    const open: Anchor =
      first.node.nodeType === 3
        ? { kind: 'text', node: first.node as Text, offset: first.from }
        : { kind: 'before', node: first.node };
    const close: Anchor =
      lastM.node.nodeType === 3
        ? { kind: 'text', node: lastM.node as Text, offset: lastM.to }
        : { kind: 'after', node: lastM.node };
    this.insert(open, OPEN);
    this.insert(close, CLOSE);
    return close;
  }

  private hasText(m: Member): boolean {
    const span = this.spans.get(m.node)!;
    return this.text.slice(span.start, span.end).trim() !== '';
  }

  /**
   * Where a footnote goes when its highlight has no marked run (whitespace, or
   * inside a code block): after the last visible text at or before `pos`, never
   * in the whitespace between list items or blocks, never inside code.
   */
  private pointAnchor(pos: number): Anchor {
    let lo = 0;
    let hi = this.textNodes.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans.get(this.textNodes[mid]!)!.start < pos) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (; k >= 0; k--) {
      const node = this.textNodes[k]!;
      const span = this.spans.get(node)!;
      const visible = node.data.slice(0, Math.min(pos, span.end) - span.start).trimEnd();
      if (!visible) continue;
      let code: Node | null = null;
      for (let n: Node | null = node.parentNode; n && n !== this.root; n = n.parentNode) {
        const tag = (n as Element).tagName;
        if (tag === 'PRE') return { kind: 'after', node: n };
        if (tag === 'CODE') code ??= n;
      }
      return code ? { kind: 'after', node: code } : { kind: 'text', node, offset: visible.length };
    }
    return { kind: 'text', node: this.textNodes[0]!, offset: 0 };
  }

  /** A block, or an inline element wrapping one (`<a><p>…</p></a>`): marks cannot span it whole. */
  private isBlockish(el: Element): boolean {
    let v = this.blockish.get(el);
    if (v === undefined) {
      v = BLOCK.has(el.tagName) || el.tagName === 'PRE';
      for (let c = el.firstChild; c && !v; c = c.nextSibling)
        if (c.nodeType === 1 && this.isBlockish(c as Element)) v = true;
      this.blockish.set(el, v);
    }
    return v;
  }

  /** A footnote reference inside link text would break the link: move it after the link. */
  private outsideLinks(anchor: Anchor): Anchor {
    let link: Node | null = null;
    for (let n: Node | null = anchor.node; n && n !== this.root; n = n.parentNode) {
      if (n.nodeType === 1 && (n as Element).tagName === 'A') link = n;
    }
    return link ? { kind: 'after', node: link } : anchor;
  }

  private insert(anchor: Anchor, str: string): void {
    const seq = this.seq++;
    if (anchor.kind === 'text') {
      const list = this.textInserts.get(anchor.node) ?? [];
      list.push({ offset: anchor.offset, seq, str });
      this.textInserts.set(anchor.node, list);
      return;
    }
    const entry = this.nodeInserts.get(anchor.node) ?? { before: [], after: [] };
    entry[anchor.kind].push(str);
    this.nodeInserts.set(anchor.node, entry);
  }

  private kidsOf(node: Node): Node[] {
    let kids = this.children.get(node);
    if (!kids) {
      kids = [];
      for (let c = node.firstChild; c; c = c.nextSibling) kids.push(c);
      this.children.set(node, kids);
    }
    return kids;
  }

  /** Index of the first child whose span ends after `pos` (binary search). */
  private firstOverlapping(kids: Node[], pos: number): number {
    let lo = 0;
    let hi = kids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans.get(kids[mid]!)!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    // Step back over zero-length nodes that sit exactly at pos.
    while (lo > 0 && this.spans.get(kids[lo - 1]!)!.end === pos && this.spans.get(kids[lo - 1]!)!.start === pos) lo--;
    return lo;
  }
}
