import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from './coalescing-writer';

describe('CoalescingWriter', () => {
  it('runs one write at a time and folds requests made meanwhile into a single follow-up', async () => {
    let runs = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const writer = new CoalescingWriter(async () => {
      runs += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight -= 1;
    });
    const first = writer.request();
    const later = Array.from({ length: 10 }, () => writer.request());
    expect(new Set(later).size).toBe(1);
    await Promise.all([first, ...later]);
    expect(runs).toBe(2);
    expect(maxInFlight).toBe(1);
    expect(writer.idle).toBe(true);
    await writer.request();
    expect(runs).toBe(3);
  });

  it('settle waits for the queued write as well', async () => {
    const order: string[] = [];
    let n = 0;
    const writer = new CoalescingWriter(async () => {
      const mine = ++n;
      await new Promise((r) => setTimeout(r, 5));
      order.push(`write ${mine}`);
    });
    void writer.request();
    void writer.request();
    await writer.settle();
    order.push('settled');
    expect(order).toEqual(['write 1', 'write 2', 'settled']);
  });
});
