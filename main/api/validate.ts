import { AppError } from '../app/errors';

// Inputs arrive from a renderer that may be compromised: check shapes at the door.

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function requireId(value: unknown, what = 'id'): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new AppError('invalid_input', `That ${what} is not valid.`);
  }
  return value;
}

export function requireString(value: unknown, what: string, maxLength = 1_000_000): string {
  if (typeof value !== 'string') throw new AppError('invalid_input', `${what} must be text.`);
  if (value.length > maxLength) throw new AppError('invalid_input', `${what} is too long.`);
  return value;
}

export function optionalString(value: unknown, what: string, maxLength = 10_000): string | undefined {
  return value === undefined ? undefined : requireString(value, what, maxLength);
}

export function requireNumber(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new AppError('invalid_input', `${what} must be a number from ${min} to ${max}.`);
  }
  return value;
}

export function requireStringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new AppError('invalid_input', `${what} must be a list of text.`);
  }
  return value;
}
