// pdf.js's failures as the one sentence a user reads. pdf.js reports its kinds by `name`, and its
// exception classes are not all exported, so the name is what is matched.
import { AppError } from '../../model/errors';

function nameOf(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e && typeof e.name === 'string' ? e.name : '';
}

const DAMAGED = new Set(['InvalidPDFException', 'FormatError', 'MissingPDFException', 'UnexpectedResponseException']);

export function passwordError(name: string): AppError {
  return new AppError(
    'unsupported_file',
    `"${name}" is protected by a password; Gloss cannot read encrypted PDFs yet.`,
  );
}

export function damagedError(name: string, cause?: unknown): AppError {
  const error = new AppError('unsupported_file', `"${name}" is damaged and could not be read as a PDF.`);
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function noTextError(name: string): AppError {
  return new AppError('unsupported_file', `"${name}" has no text layer (it is scanned images); highlights need text.`);
}

/** Any error from reading `name` with pdf.js, as an AppError; ours pass through unchanged. */
export function pdfError(e: unknown, name: string): AppError {
  if (e instanceof AppError) return e;
  const kind = nameOf(e);
  if (kind === 'PasswordException') {
    const error = passwordError(name);
    error.cause = e;
    return error;
  }
  if (DAMAGED.has(kind)) return damagedError(name, e);
  const error = new AppError('internal', `"${name}" could not be read: the PDF reader failed unexpectedly.`);
  error.cause = e;
  return error;
}
