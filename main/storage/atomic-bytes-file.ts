import type { Adapter } from 'lowdb';
import type { FileSignature } from './atomic-write';
import { readSigned, writeGuarded, type AtomicJsonFileEnv } from './atomic-json-file';

/** The imported source bytes of an article, written with the same guarantees as the JSON files. */
export class AtomicBytesFile implements Adapter<Uint8Array> {
  signature: FileSignature | null | undefined = undefined;

  constructor(
    readonly path: string,
    private readonly env: AtomicJsonFileEnv,
  ) {}

  async read(): Promise<Uint8Array | null> {
    const found = await readSigned(this.env.fs, this.path);
    this.signature = found?.signature ?? null;
    return found ? new Uint8Array(found.bytes) : null;
  }

  async write(data: Uint8Array): Promise<void> {
    this.signature = await writeGuarded(this.env, this.path, this.signature, data);
  }
}
