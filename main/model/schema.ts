// The one way Gloss checks the shape of data it did not make: stored files, API
// inputs, our Markdown data block, restored annotations. A Check returns null, or
// where and what the first problem is (".body.color is not one of …"); paths are
// built only on failure, since state files with a thousand annotations are checked
// on every write.
import { AppError } from './errors';

export type Check = (v: unknown) => string | null;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const str: Check = (v) => (typeof v === 'string' ? null : ' is not a string');
export const nstr: Check = (v) => (v === null || typeof v === 'string' ? null : ' is not a string or null');
export const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : ' is not a number');
export const bool: Check = (v) => (typeof v === 'boolean' ? null : ' is not true or false');
export const int: Check = (v) => (typeof v === 'number' && Number.isInteger(v) ? null : ' is not a whole number');
export const strArr: Check = (v) => {
  if (!Array.isArray(v)) return ' is not a list of strings';
  for (const x of v) if (typeof x !== 'string') return ' is not a list of strings';
  return null;
};

export function optional(check: Check): Check {
  return (v) => (v === undefined ? null : check(v));
}

export function nullable(check: Check): Check {
  return (v) => (v === null ? null : check(v));
}

export function literal(value: string | number): Check {
  return (v) => (v === value ? null : ` is not ${String(value)}`);
}

export function oneOf(values: readonly string[]): Check {
  const set = new Set(values);
  return (v) => (typeof v === 'string' && set.has(v) ? null : ` is not one of ${values.join(', ')}`);
}

export function between(min: number, max: number): Check {
  return (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : ` is not a number from ${min} to ${max}`;
}

export function fields(spec: Record<string, Check>): Check {
  const entries = Object.entries(spec);
  return (v) => {
    if (!isObject(v)) return ' is not an object';
    for (const [key, check] of entries) {
      const problem = check(v[key]);
      if (problem) return `.${key}${problem}`;
    }
    return null;
  };
}

export function list(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return ' is not a list';
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i]);
      if (problem) return `[${i}]${problem}`;
    }
    return null;
  };
}

/** `describeProblem('summary', checkSummary, v)` → null, or "summary.title is not a string". */
export function describeProblem(name: string, check: Check, v: unknown): string | null {
  const problem = check(v);
  return problem ? `${name}${problem}` : null;
}

/** True when `v` passes `check`: for data that is dropped (or read as absent) when malformed. */
export function matches<T>(check: Check, v: unknown): v is T {
  return check(v) === null;
}

/** `v` as T, or an invalid_input AppError with the user's sentence (the problem's path is for logs, not users). */
export function ensure<T>(check: Check, v: unknown, sentence: string): T {
  if (check(v) !== null) throw new AppError('invalid_input', sentence);
  return v as T;
}
