// While a library is open for writing: notices when its folder is deleted or
// moved, or its lock taken by another process. Gloss then stops writing there
// (recreating half a library in a deleted folder, or writing beside another
// writer, would lose more), says so, and keeps every change in memory; at quit
// the changes go to a rescue copy beside the folder (rescue-copy.ts).
import { join } from 'node:path';
import { errorCode } from './fs-facade';
import { describeHolder, parseLock } from './lock-file';
import type { StoreContext } from './store-context';

/** How often the folder and the lock are looked at. */
const INTERVAL_MS = 2000;

export class LibraryWatch {
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly ctx: StoreContext,
    private readonly token: string | null,
  ) {
    this.timer = setInterval(() => void this.check(), INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One look; also run before quitting, so a deletion just before quit is caught. */
  async check(): Promise<void> {
    if (this.checking || this.ctx.status.lostReason || this.ctx.closed) return;
    this.checking = true;
    try {
      const reason = await this.problem();
      if (reason) this.lose(reason);
    } finally {
      this.checking = false;
    }
  }

  private async problem(): Promise<string | null> {
    const { fs, dir } = this.ctx;
    try {
      if (!(await fs.stat(dir)).isDirectory()) return `${dir} is no longer a folder`;
    } catch (e) {
      return errorCode(e) === 'ENOENT' ? `the library folder ${dir} was deleted or moved` : null;
    }
    if (!this.token) return null;
    let text: string;
    try {
      text = (await fs.readFile(join(dir, '.lock'))).toString('utf8');
    } catch (e) {
      return errorCode(e) === 'ENOENT' ? `its lock file (${join(dir, '.lock')}) was deleted` : null;
    }
    const info = parseLock(text);
    if (info?.token === this.token) return null;
    return `another process took its lock (${describeHolder(info)})`;
  }

  private lose(reason: string): void {
    const { status } = this.ctx;
    status.lostReason = reason;
    status.notify(
      'error',
      `Gloss stopped saving to the library at ${this.ctx.dir}: ${reason}. Nothing more is written there, so nothing is lost by writing beside another Gloss or into a folder that is gone; your changes are kept in memory, and when Gloss quits they are saved to a rescue folder beside it (${this.ctx.rescueDir}). Quit Gloss to save them, then open that folder or put the library back.`,
    );
  }
}
