/**
 * Serialises the writes of one file: at most one in flight, and any number of
 * requests made meanwhile collapse into a single follow-up write of the latest
 * data. Each returned promise settles once a write that started after the
 * request has finished. `run` must not reject.
 */
export class CoalescingWriter {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly run: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.launch();
    this.queued = this.running.then(() => {
      this.queued = null;
      return this.launch();
    });
    return this.queued;
  }

  get idle(): boolean {
    return this.running === null && this.queued === null;
  }

  /** Resolves when nothing is in flight or queued. */
  async settle(): Promise<void> {
    while (!this.idle) await (this.queued ?? this.running);
  }

  private launch(): Promise<void> {
    const p: Promise<void> = this.run().finally(() => {
      if (this.running === p) this.running = null;
    });
    this.running = p;
    return p;
  }
}
