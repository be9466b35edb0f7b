import { AppError } from './errors';
import { LIMITS, SOURCE_URL_SCHEMES } from './limits';
import { between, ensure, str, strArr } from './schema';

// Inputs arrive from a renderer that may be compromised: check them at the door. These are the
// field checks of ./schema.ts, each throwing the sentence a user can act on.

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function requireId(value: unknown, what = 'id'): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new AppError('invalid_input', `That ${what} is not valid.`);
  }
  return value;
}

export function requireString(value: unknown, what: string, maxLength = 1_000_000): string {
  ensure(str, value, `${what} must be text.`);
  if ((value as string).length > maxLength) {
    throw new AppError(
      'invalid_input',
      `${what} is too long (${(value as string).length.toLocaleString('en-US')} characters; at most ${maxLength.toLocaleString('en-US')}).`,
    );
  }
  return value as string;
}

export function optionalString(value: unknown, what: string, maxLength = 10_000): string | undefined {
  return value === undefined ? undefined : requireString(value, what, maxLength);
}

export function requireNumber(value: unknown, what: string, min: number, max: number): number {
  return ensure<number>(between(min, max), value, `${what} must be a number from ${min} to ${max}.`);
}

export function requireStringArray(value: unknown, what: string): string[] {
  return ensure<string[]>(strArr, value, `${what} must be a list of text.`);
}

/** A list of tags as the user typed them: at most LIMITS.tagsPerItem, each at most LIMITS.tag characters. */
export function requireTags(value: unknown, what = 'Tags'): string[] {
  const tags = requireStringArray(value, what);
  if (tags.length > LIMITS.tagsPerItem) {
    throw new AppError('invalid_input', `${what}: at most ${LIMITS.tagsPerItem} tags (${tags.length} were given).`);
  }
  for (const t of tags) {
    if (t.length > LIMITS.tag) {
      throw new AppError(
        'invalid_input',
        `A tag is at most ${LIMITS.tag} characters (“${t.slice(0, 24)}…” has ${t.length.toLocaleString('en-US')}).`,
      );
    }
  }
  return tags;
}

/** True for an address a stored sourceUrl may hold: http(s), or file for a local original. */
export function isSourceUrl(value: string): boolean {
  if (value.length > LIMITS.sourceUrl) return false;
  try {
    return (SOURCE_URL_SCHEMES as readonly string[]).includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A sourceUrl from the user: null, or an http(s) or file address. */
export function requireSourceUrl(value: unknown): string | null {
  if (value === null) return null;
  const url = requireString(value, 'The source address', LIMITS.sourceUrl).trim();
  if (url === '') return null;
  if (!isSourceUrl(url)) {
    throw new AppError('invalid_input', 'The source address must be an http:, https: or file: address.');
  }
  return url;
}
