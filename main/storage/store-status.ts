// Whether the library can be written, which files are held unsaved in memory,
// and the notices telling the user so. Failures are reported once per episode:
// no notice storm, and no retry loop (a held file is retried after the next
// successful write, and once more on flush).
import type { Notice } from '../model/contract';
import { describeFsError, isNotWritableError } from './fs-facade';
import type { StoredFile, StoredFileHooks } from './stored-file';

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class StoreStatus implements StoredFileHooks {
  /** We hold the lock file; without it nothing is ever written. */
  locked = false;
  /** A write failed with a permission or read-only error. */
  notWritable = false;
  /** Set when the folder was deleted or its lock taken by another process while open: nothing is written any more. */
  lostReason: string | null = null;
  readonly unsaved = new Set<StoredFile<unknown>>();
  private readonly notices: Notice[] = [];
  private seq = 0;
  private failureShown = false;
  private readOnlyShown = false;
  private retrying = false;

  constructor(
    private readonly dir: string,
    private readonly track: (p: Promise<unknown>) => void,
  ) {}

  writable(): boolean {
    return this.locked && !this.notWritable && this.lostReason === null;
  }

  notify(level: Notice['level'], message: string): void {
    this.seq += 1;
    this.notices.push({ id: `storage-${Date.now().toString(36)}-${this.seq}`, level, message });
  }

  take(): Notice[] {
    return this.notices.splice(0, this.notices.length);
  }

  announceReadOnly(message: string): void {
    this.readOnlyShown = true;
    this.notify('warning', message);
  }

  reportFailure(label: string, error: unknown): void {
    if (isNotWritableError(error)) this.notWritable = true;
    if (this.failureShown) return;
    this.failureShown = true;
    this.notify(
      'error',
      `Could not save ${label} (${describeFsError(error)}); the change is kept unsaved in memory and Gloss will try again with your next change.`,
    );
  }

  /** On flush (quit): forget an earlier permission failure and try the held files once more. */
  retryOnFlush(): void {
    if (this.locked) this.notWritable = false;
    this.retryUnsaved();
  }

  // ---------------------------------------------------------------- StoredFileHooks

  canWrite(): boolean {
    return this.writable();
  }

  onHeld(file: StoredFile<unknown>): void {
    this.unsaved.add(file);
    // A frozen file was announced when it froze (conflict, newer version, left in place).
    if (file.frozen || this.readOnlyShown || this.failureShown) return;
    this.announceReadOnly(
      `The library at ${this.dir} is open read-only, so ${file.label} could not be saved; changes are kept unsaved in memory and are lost when Gloss quits.`,
    );
  }

  onWritten(file: StoredFile<unknown>): void {
    this.unsaved.delete(file);
    if (this.unsaved.size === 0) this.failureShown = false;
    else this.retryUnsaved();
  }

  onFailure(file: StoredFile<unknown>, error: unknown): void {
    this.unsaved.add(file);
    this.reportFailure(file.label, error);
  }

  onConflict(file: StoredFile<unknown>): void {
    this.unsaved.add(file);
    this.notify(
      'warning',
      `${capitalize(file.label)} was changed by another program while Gloss had it open; Gloss did not overwrite it, and your latest change is kept unsaved. Reopen the library to load the other version.`,
    );
  }

  private retryUnsaved(): void {
    if (this.retrying || !this.writable()) return;
    const files = [...this.unsaved].filter((f) => !f.frozen);
    if (files.length === 0) return;
    this.retrying = true;
    this.track(Promise.all(files.map((f) => f.save())).finally(() => (this.retrying = false)));
  }
}
