import type { Adapter } from 'lowdb';
import { sameSignature, signatureOf, writeFileAtomic, type FileSignature } from './atomic-write';
import { ExternalChangeError, type AtomicJsonFileEnv } from './atomic-json-file';
import { errorCode } from './fs-facade';

/** The imported source bytes of an article, written with the same guarantees as the JSON files. */
export class AtomicBytesFile implements Adapter<Uint8Array> {
  signature: FileSignature | null | undefined = undefined;

  constructor(
    readonly path: string,
    private readonly env: AtomicJsonFileEnv,
  ) {}

  async read(): Promise<Uint8Array | null> {
    let fh;
    try {
      fh = await this.env.fs.open(this.path, 'r');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') {
        this.signature = null;
        return null;
      }
      throw e;
    }
    try {
      this.signature = signatureOf(await fh.stat());
      return new Uint8Array(await fh.readFile());
    } finally {
      await fh.close();
    }
  }

  async write(data: Uint8Array): Promise<void> {
    let current: FileSignature | null = null;
    try {
      current = signatureOf(await this.env.fs.stat(this.path));
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') throw e;
    }
    if (this.signature !== undefined && current !== null) {
      if (this.signature === null || !sameSignature(this.signature, current)) throw new ExternalChangeError(this.path);
    }
    if (current !== null && this.signature) await this.env.beforeReplace?.(this.path);
    this.signature = await writeFileAtomic(this.env.fs, this.env.tmpDir, this.path, data);
  }
}
