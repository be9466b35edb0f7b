// Entity extraction quality on a CoNLL-format gold file.
// Usage: npx tsx tests/eval/eval-ner.ts FILE [--compromise] [--tagger-only] [--no-propagate]
// Each document's tokens are joined with single spaces (sentences with newlines), the
// extractor runs on that raw text, and predicted character spans are mapped back to
// tokens; only exact token-boundary, exact-type matches count.
import nlp from 'compromise';
import { extractEntities } from '../../main/entities/extract-entities';
import { readConll } from '../../main/entities/ner/conll-reader';
import {
  charSpanToTokens,
  layoutTokens,
  scoreSpans,
  type Score,
  type ScoredSpan,
} from '../../main/entities/ner/ner-score';
import { tagsToSpans } from '../../main/entities/ner/tagger';
import { tagText } from '../../main/entities/tag-text';

interface CharSpan {
  start: number;
  end: number;
  type: string;
}

const ENTITY_LABEL: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

function taggerSpans(text: string): CharSpan[] {
  return tagText(text).spans.map((s) => ({ start: s.start, end: s.end, type: s.label }));
}

const PROPAGATE = !process.argv.includes('--no-propagate');

function pipelineSpans(text: string): CharSpan[] {
  const out: CharSpan[] = [];
  for (const e of extractEntities(text, { types: ['person', 'organization', 'place'], propagate: PROPAGATE })) {
    const type = ENTITY_LABEL[e.type];
    if (type) for (const m of e.mentions) out.push({ start: m.start, end: m.end, type });
  }
  return out;
}

interface CompromiseMatch {
  offset?: { start: number; length: number };
}

function compromiseSpans(text: string): CharSpan[] {
  const doc = nlp(text);
  const out: CharSpan[] = [];
  const add = (matches: CompromiseMatch[], type: string): void => {
    for (const m of matches) {
      if (!m.offset) continue;
      let start = m.offset.start;
      let end = start + m.offset.length;
      // compromise includes attached punctuation and possessives in its offsets
      while (end > start && /[\s.,;:!?"')\]]/.test(text[end - 1]!)) end--;
      if (/['’]s$/i.test(text.slice(start, end))) end -= 2;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      while (start < end && /[\s"'([]/.test(text[start]!)) start++;
      if (end > start) out.push({ start, end, type });
    }
  };
  add(doc.people().json({ offset: true }) as CompromiseMatch[], 'PER');
  add(doc.organizations().json({ offset: true }) as CompromiseMatch[], 'ORG');
  add(doc.places().json({ offset: true }) as CompromiseMatch[], 'LOC');
  return out;
}

function evaluate(
  file: string,
  predict: (text: string) => CharSpan[],
): { all: Score; plo: Score; words: number; ms: number } {
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  let words = 0;
  let ms = 0;
  readConll(file).forEach((doc, d) => {
    const layout = layoutTokens(doc.map((s) => s.tokens));
    let offset = 0;
    for (const s of doc) {
      for (const span of tagsToSpans(s.tags))
        gold.push({ doc: d, start: offset + span.start, end: offset + span.end, type: span.type });
      offset += s.tokens.length;
    }
    words += offset;
    const t0 = performance.now();
    const spans = predict(layout.text);
    ms += performance.now() - t0;
    for (const span of spans) {
      const tok = charSpanToTokens(layout, span.start, span.end);
      if (tok) pred.push({ doc: d, ...tok, type: span.type });
      else pred.push({ doc: d, start: -1 - pred.length, end: -1, type: span.type }); // off-boundary: always wrong
    }
  });
  return {
    all: scoreSpans(gold, pred, ['PER', 'ORG', 'LOC', 'MISC']),
    plo: scoreSpans(gold, pred, ['PER', 'ORG', 'LOC']),
    words,
    ms,
  };
}

function pct(x: number): string {
  return (100 * x).toFixed(2).padStart(6);
}

function print(name: string, r: ReturnType<typeof evaluate>, withMisc: boolean): void {
  console.log(`\n${name}  (${r.words} tokens, ${Math.round(r.words / (r.ms / 1000))} tokens/s)`);
  console.log('              precision  recall      F1     tp     fp     fn');
  const row = (label: string, p: Score['micro']): void =>
    console.log(
      `  ${label.padEnd(10)}  ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}  ${String(p.tp).padStart(5)}  ${String(p.fp).padStart(5)}  ${String(p.fn).padStart(5)}`,
    );
  for (const t of withMisc ? ['PER', 'ORG', 'LOC', 'MISC'] : ['PER', 'ORG', 'LOC']) row(t, r.all.perType[t]!);
  if (withMisc) row('micro (a) PER/ORG/LOC/MISC', r.all.micro);
  row('micro (b) PER/ORG/LOC', r.plo.micro);
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: eval-ner FILE [--compromise] [--tagger-only] [--no-propagate]');
    process.exit(2);
  }
  console.log(`gold: ${file}`);
  print('Gloss tagger (model spans, all four types)', evaluate(file, taggerSpans), true);
  if (!args.includes('--tagger-only')) {
    print('Gloss extractEntities (person/organization/place after merging)', evaluate(file, pipelineSpans), false);
  }
  if (args.includes('--compromise')) {
    print('compromise (people/organizations/places, out of the box)', evaluate(file, compromiseSpans), false);
  }
}

main();
