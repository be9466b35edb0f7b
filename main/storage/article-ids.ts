// The names an article may give to files on disk: its folder (the id) and its source extension.
import { AppError } from '../model/errors';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const EXT = /^[A-Za-z0-9]{1,16}$/;

export function isArticleId(name: string): boolean {
  return ID.test(name);
}

export function checkArticleId(id: string): void {
  if (typeof id !== 'string' || !ID.test(id))
    throw new AppError('invalid_input', `"${String(id)}" is not a valid article id.`);
}

export function checkSourceExt(ext: string): void {
  if (!EXT.test(ext)) throw new AppError('invalid_input', `"${ext}" is not a valid source file extension.`);
}
