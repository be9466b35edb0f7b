// `npm run eval:ner`: entity extraction quality on the gold corpora in ../shared/eval/ner.
//
//   npm run eval:ner                       CoNLL dev/test, WikiGold and the modern dev sets
//   npm run eval:ner -- --detail           per-type precision, recall and F1 too
//   npm run eval:ner -- --model FILE       another model file (an experiment)
//   npm run eval:ner -- --sets gum-dev,uner-dev    some sets only
//   npm run eval:ner -- FILE [--compromise]        one CoNLL-format file, compromise beside it
//
// Each document's tokens are joined with single spaces (sentences with newlines), the
// extractor runs on that raw text, and predicted character spans are mapped back to
// tokens; only exact token-boundary, exact-type matches count (conlleval's micro F1).
// "Tagger" is the model's spans, "sidebar" what extractEntities gives after merging.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { extractEntities } from '../../main/entities/extract-entities';
import { findNerModelPath, setNerModelPath } from '../../main/entities/ner/model-loader';
import { tagsToSpans } from '../../main/entities/ner/tagger';
import { tagText } from '../../main/entities/tag-text';
import { readConll } from '../tools/ner/conll-reader';
import { corpusPaths, EVAL_SETS, NER_DATA, REPO } from '../tools/ner/corpora';
import { charSpanToTokens, layoutTokens, scoreSpans, type Score, type ScoredSpan } from '../tools/ner/ner-score';

interface CharSpan {
  start: number;
  end: number;
  type: string;
}

const ENTITY_LABEL: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };

function taggerSpans(text: string): CharSpan[] {
  return tagText(text).spans.map((s) => ({ start: s.start, end: s.end, type: s.label }));
}

function sidebarSpans(text: string): CharSpan[] {
  const out: CharSpan[] = [];
  for (const e of extractEntities(text, { types: ['person', 'organization', 'place'] })) {
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

interface Result {
  all: Score;
  plo: Score;
  words: number;
  ms: number;
}

function evaluate(files: string[], predict: (text: string) => CharSpan[]): Result {
  const gold: ScoredSpan[] = [];
  const pred: ScoredSpan[] = [];
  let words = 0;
  let ms = 0;
  let d = 0;
  for (const file of files) {
    for (const doc of readConll(file)) {
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
      d++;
    }
  }
  return {
    all: scoreSpans(gold, pred, ['PER', 'ORG', 'LOC', 'MISC']),
    plo: scoreSpans(gold, pred, ['PER', 'ORG', 'LOC']),
    words,
    ms,
  };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

function detail(name: string, r: Result, withMisc: boolean): void {
  console.log(`  ${name}  (${r.words} tokens, ${Math.round(r.words / (r.ms / 1000))} tokens/s)`);
  console.log('                 precision  recall      F1     tp     fp     fn');
  const row = (label: string, p: Score['micro']): void =>
    console.log(
      `    ${label.padEnd(12)}  ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}  ${String(p.tp).padStart(5)}  ${String(p.fp).padStart(5)}  ${String(p.fn).padStart(5)}`,
    );
  for (const t of withMisc ? ['PER', 'ORG', 'LOC', 'MISC'] : ['PER', 'ORG', 'LOC']) row(t, r.all.perType[t]!);
  if (withMisc) row('micro (a) 4', r.all.micro);
  row('micro (b) 3', r.plo.micro);
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (plus uncommitted changes)` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Files the model saw in training, from the manifest `npm run train:ner` writes beside it. */
function trainedOn(modelPath: string): Set<string> {
  const manifest = modelPath.replace(/\.bin$/, '') + '.json';
  if (!existsSync(manifest)) return new Set();
  const m = JSON.parse(readFileSync(manifest, 'utf8')) as { trainedOn?: Array<{ file: string }> };
  return new Set((m.trainedOn ?? []).map((f) => f.file));
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      detail: { type: 'boolean' },
      model: { type: 'string' },
      sets: { type: 'string' },
      compromise: { type: 'boolean' },
    },
  });
  if (values.model) setNerModelPath(values.model);
  const modelPath = findNerModelPath();
  console.log(`commit ${commit()}; model ${relative(REPO, modelPath)}`);
  console.log('exact-span micro F1: (a) all four types, (b) PER/ORG/LOC; "sidebar" is after merging\n');
  const seen = trainedOn(modelPath);
  const sets = positionals.length
    ? positionals.map((f) => ({ label: f, files: [f], reportOnly: false, note: '' }))
    : EVAL_SETS.filter((s) => !values.sets || values.sets.split(',').includes(s.corpus.id)).map((s) => {
        const files = corpusPaths(s.corpus);
        const trained = files.some((f) => seen.has(relative(NER_DATA, f)));
        return {
          label: s.label,
          files,
          reportOnly: s.reportOnly,
          note: trained ? ' (seen in training)' : s.reportOnly ? ' (report only)' : '',
        };
      });
  const header = `${'set'.padEnd(44)} tagger (a)  tagger (b)  sidebar (b)   P      R`;
  console.log(header);
  for (const s of sets) {
    const tagger = evaluate(s.files, taggerSpans);
    const sidebar = evaluate(s.files, sidebarSpans);
    const p = sidebar.plo.micro;
    console.log(
      `${(s.label + s.note).padEnd(44)} ${pct(tagger.all.micro.f1)}      ${pct(tagger.plo.micro.f1)}      ${pct(p.f1)}    ${pct(p.precision)} ${pct(p.recall)}`,
    );
    if (values.detail) {
      detail('tagger', tagger, true);
      detail('sidebar', sidebar, false);
    }
    if (values.compromise) detail('compromise', evaluate(s.files, compromiseSpans), false);
  }
}

main();
