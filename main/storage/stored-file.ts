// One file of the library as held in memory: its data (a lowdb `Low`), its
// coalesced writer, and whether the disk is behind (unsaved) or must not be
// touched any more (frozen: another program changed it, or it is unreadable).
import { Low, type Adapter } from 'lowdb';
import type { FileSignature } from './atomic-write';
import { ExternalChangeError } from './atomic-json-file';
import { CoalescingWriter } from './coalescing-writer';

export interface TrackedAdapter<T> extends Adapter<T> {
  readonly path: string;
  signature: FileSignature | null | undefined;
}

export interface StoredFileHooks {
  /** False when the library is read-only: the write is not attempted. */
  canWrite(): boolean;
  onHeld(file: StoredFile<unknown>): void;
  onWritten(file: StoredFile<unknown>): void;
  onFailure(file: StoredFile<unknown>, error: unknown): void;
  onConflict(file: StoredFile<unknown>): void;
}

export interface StoredFileOptions<T> {
  /** For messages: "the annotations of “Title”". */
  label: () => string;
  /** Builds the data to write, just before each write. */
  prepare?: () => T;
  /** Another program changed the file: return true to retry (after merging), false to keep ours unsaved. */
  resolveConflict?: () => Promise<boolean>;
  afterWrite?: () => void;
}

export class StoredFile<T> {
  readonly db: Low<T>;
  unsaved = false;
  frozen = false;
  private readonly writer: CoalescingWriter;

  constructor(
    readonly adapter: TrackedAdapter<T>,
    initial: T,
    private readonly hooks: StoredFileHooks,
    readonly options: StoredFileOptions<T>,
  ) {
    this.db = new Low<T>(adapter, initial);
    this.writer = new CoalescingWriter(() => this.run());
  }

  get path(): string {
    return this.adapter.path;
  }

  get data(): T {
    return this.db.data;
  }

  set data(value: T) {
    this.db.data = value;
  }

  get label(): string {
    return this.options.label();
  }

  /** Settles once the current data is on disk, or has been kept unsaved (with a notice). */
  save(): Promise<void> {
    return this.writer.request();
  }

  get idle(): boolean {
    return this.writer.idle && !this.unsaved && !this.frozen;
  }

  /** A write is in flight or queued. */
  get writing(): boolean {
    return !this.writer.idle;
  }

  settle(): Promise<void> {
    return this.writer.settle();
  }

  private async run(): Promise<void> {
    const self = this as StoredFile<unknown>;
    if (this.frozen || !this.hooks.canWrite()) {
      this.unsaved = true;
      this.hooks.onHeld(self);
      return;
    }
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.options.prepare) this.db.data = this.options.prepare();
        await this.db.write();
        this.unsaved = false;
        this.options.afterWrite?.();
        this.hooks.onWritten(self);
        return;
      } catch (e) {
        this.unsaved = true;
        if (e instanceof ExternalChangeError) {
          if (
            attempt === 0 &&
            this.options.resolveConflict &&
            (await this.options.resolveConflict().catch(() => false))
          )
            continue;
          this.frozen = true;
          this.hooks.onConflict(self);
        } else {
          this.hooks.onFailure(self, e);
        }
        return;
      }
    }
  }
}
