// The working state of merging: every mention found so far (a token range with the group
// of its spelling), the groups (one per type and normalized spelling) and which groups
// are one entity (union-find). The merge rules add mentions and join groups.
import type { NameType } from './clean-spans';
import type { Token } from './ner/tokenize';
import { normalizeName } from './normalize-name';

export interface Mention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  group: number;
  /** Ordinary mentions name an entity; alias and acronym forms do not win the canonical name. */
  primary: boolean;
}

export interface Group {
  type: NameType;
  norm: string;
  /** Spellings of this group, as written. */
  forms: Set<string>;
}

export class MentionGraph {
  readonly groups: Group[] = [];
  readonly mentions: Mention[] = [];
  /** The mention ending at (exclusive) or starting at a token, after `reindex()`. */
  readonly byEnd = new Map<number, Mention>();
  readonly byStart = new Map<number, Mention>();
  private readonly parent: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly firstOfNorm = new Map<string, number>();
  private readonly normMemo = new Map<string, string>();

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  /** normalizeName, once per spelling: the same names come back again and again. */
  norm(name: string): string {
    let n = this.normMemo.get(name);
    if (n === undefined) {
      n = normalizeName(name);
      this.normMemo.set(name, n);
    }
    return n;
  }

  surface(tokStart: number, tokEnd: number): string {
    return this.text.slice(this.tokens[tokStart]!.start, this.tokens[tokEnd - 1]!.end);
  }

  find(g: number): number {
    const parent = this.parent;
    while (parent[g] !== g) {
      parent[g] = parent[parent[g]!]!;
      g = parent[g]!;
    }
    return g;
  }

  /** Makes `other`'s entity part of `keep`'s. */
  union(keep: number, other: number): void {
    const a = this.find(keep);
    const b = this.find(other);
    if (a !== b) this.parent[b] = a;
  }

  /** The group of a type and spelling, if there is one. */
  groupOf(type: NameType, name: string): number | undefined {
    return this.index.get(`${type}|${this.norm(name)}`);
  }

  /** The group whose normalized spelling is `norm`: the organization, else the first made. */
  groupOfNorm(norm: string): number | undefined {
    return this.index.get(`organization|${norm}`) ?? this.firstOfNorm.get(norm);
  }

  groupFor(type: NameType, name: string): number {
    const norm = this.norm(name);
    const k = `${type}|${norm}`;
    let g = this.index.get(k);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push({ type, norm, forms: new Set() });
      this.parent.push(g);
      this.index.set(k, g);
      if (!this.firstOfNorm.has(norm)) this.firstOfNorm.set(norm, g);
    }
    return g;
  }

  add(tokStart: number, tokEnd: number, type: NameType, primary: boolean): Mention {
    const start = this.tokens[tokStart]!.start;
    const end = this.tokens[tokEnd - 1]!.end;
    const surface = this.text.slice(start, end);
    const m = { start, end, tokStart, tokEnd, group: this.groupFor(type, surface), primary };
    this.groups[m.group]!.forms.add(surface);
    this.mentions.push(m);
    return m;
  }

  reindex(): void {
    this.byEnd.clear();
    this.byStart.clear();
    for (const m of this.mentions) {
      this.byEnd.set(m.tokEnd, m);
      this.byStart.set(m.tokStart, m);
    }
  }
}
