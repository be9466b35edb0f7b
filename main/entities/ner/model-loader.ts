// Finds and loads data/ner/model.bin once, on first use.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from './gazetteer';
import { decodeBundle } from './model-file';
import type { NerWeights } from './tagger';

const RELATIVE = join('data', 'ner', 'model.bin');
let explicitPath: string | null = null;
let cached: NerModel | null = null;

/** The first-pass tagger and, when the file has one, the second (document-aware) pass. */
export interface NerModel {
  first: NerWeights;
  second: NerWeights | null;
  gazetteer: Gazetteer | null;
}

/** Overrides where the model is read from (e.g. the packaged app's resources folder). */
export function setNerModelPath(path: string): void {
  explicitPath = path;
  cached = null;
}

function candidates(): string[] {
  const out: string[] = [];
  if (explicitPath) out.push(explicitPath);
  const env = process.env.GLOSS_NER_MODEL;
  if (env) out.push(env);
  // Electron sets process.resourcesPath in packaged builds; plain Node does not.
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) out.push(join(resources, RELATIVE));
  let dir: string | null = null;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    // bundled as CommonJS: no import.meta.url; the other candidates still apply
  }
  for (let i = 0; dir && i < 6; i++) {
    out.push(join(dir, RELATIVE));
    dir = resolve(dir, '..');
  }
  out.push(join(process.cwd(), RELATIVE));
  return out;
}

export function findNerModelPath(): string {
  const found = candidates().find((p) => existsSync(p));
  if (!found) throw new Error(`The entity model (${RELATIVE}) was not found; looked in: ${candidates().join(', ')}`);
  return found;
}

export function loadNerModel(): NerModel {
  if (!cached) {
    const { models, gazetteer } = decodeBundle(readFileSync(findNerModelPath()));
    cached = { first: models[0]!, second: models[1] ?? null, gazetteer };
  }
  return cached;
}

let digest: string | null = null;

/** A short digest of the model file's bytes: results computed with another model are not reused. */
export function nerModelDigest(): string {
  digest ??= createHash('sha256').update(readFileSync(findNerModelPath())).digest('hex').slice(0, 16);
  return digest;
}
