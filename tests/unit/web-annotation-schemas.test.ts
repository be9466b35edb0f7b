// Gloss's JSON-LD export against the W3C Web Annotation test suite's MUST
// assertions (web-annotation-tests, draft-04 JSON Schemas), read where they
// are in ../shared/corpora — never copied into the project.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { loadFixture, randomHighlights } from '../support/export-fixtures';
import { toWebAnnotations } from '../../main/export/web-annotation';

const SUITE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'web-annotation-tests');
const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(SUITE, path), 'utf8'));

function mustAssertions() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  for (const name of readdirSync(join(SUITE, 'definitions'))) ajv.addSchema(read(join('definitions', name)));
  const list = read(join('annotations', 'annotationMusts.test')).assertions as string[];
  return list.map((path) => {
    const schema = read(path);
    return { path, message: String(schema.errorMessage ?? path), validate: ajv.compile(schema) };
  });
}

/** Every fixture's annotations, plus seeded random ones, as Gloss exports them. */
function exported(): unknown[] {
  const out: unknown[] = [];
  for (const name of ['article', 'escaping', 'lists', 'hostile', 'structure']) {
    const f = loadFixture(name);
    out.push(...toWebAnnotations(f.article.id, f.annotations, f.article.sourceUrl));
    out.push(...toWebAnnotations(f.article.id, randomHighlights(f.article, 60, name.length)));
  }
  return out;
}

describe('JSON-LD export meets the W3C Web Annotation MUST assertions', () => {
  it('every exported annotation passes every MUST schema', () => {
    const assertions = mustAssertions();
    expect(assertions.length).toBe(54);
    const annotations = exported();
    const failures: string[] = [];
    for (const a of annotations) {
      for (const { path, validate } of assertions)
        if (!validate(a)) failures.push(`${(a as { id: string }).id}: ${path}`);
    }
    if (process.env.GLOSS_RENDER_REPORT) {
      const failing = new Set(failures.map((f) => f.split(': annotations/')[0]));
      console.log(`${annotations.length} annotations, ${failing.size} failing, ${failures.length} failures`);
    }
    expect(failures).toEqual([]);
  });
});
