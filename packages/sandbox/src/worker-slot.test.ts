import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerTransport } from './worker-transport.js';
import { WorkerSlot } from './worker-slot.js';

/** A worker whose entry fails as soon as it starts, like a broken build. */
function crashingSpawn(counter: { spawns: number }) {
  return (): WorkerTransport => {
    counter.spawns++;
    return {
      post: () => undefined,
      listen: ({ failure }) => void setTimeout(() => failure('the entry threw at start'), 0),
      terminate: () => undefined,
    };
  };
}

afterEach(() => void vi.useRealTimers());

describe('WorkerSlot', () => {
  it('starts a worker that keeps crashing again with a growing delay, not in a tight loop', async () => {
    vi.useFakeTimers();
    const counter = { spawns: 0 };
    const slot = new WorkerSlot(0, crashingSpawn(counter), () => undefined);
    await vi.advanceTimersByTimeAsync(1_000);
    // 0 ms, 0 ms, then 50, 100, 200, 400 ms between starts: 6 starts in the first second.
    expect(counter.spawns).toBeLessThanOrEqual(7);
    expect(counter.spawns).toBeGreaterThanOrEqual(4);
    await vi.advanceTimersByTimeAsync(60_000);
    // Capped at one start every 5 s.
    expect(counter.spawns).toBeLessThanOrEqual(7 + 13);
    slot.close();
    const after = counter.spawns;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(counter.spawns).toBe(after);
  });

  it('ends a request on a crashing worker as crashed, and a closed slot answers closed', async () => {
    vi.useFakeTimers();
    const slot = new WorkerSlot(0, crashingSpawn({ spawns: 0 }), () => undefined);
    const outcome = slot.request({ type: 'dispose', key: 'x' } as never, 1_000);
    await vi.advanceTimersByTimeAsync(10);
    expect(await outcome).toMatchObject({ kind: 'crashed' });
    slot.close();
    expect(await slot.request({ type: 'dispose', key: 'x' } as never, 1_000)).toEqual({
      kind: 'closed',
    });
  });
});
