import type { WorkerRequest, WorkerResponse } from './protocol.js';
import type { WorkerTransport } from './worker-transport.js';

/** A request without its id: the slot numbers requests itself. */
export type SlotRequest = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

/**
 * How a request ended: the worker's response, or the worker was killed by the
 * watchdog, crashed on its own, or the slot was closed first.
 */
export type SlotOutcome =
  | { readonly kind: 'response'; readonly response: WorkerResponse }
  | { readonly kind: 'watchdog' }
  | { readonly kind: 'crashed'; readonly reason: string }
  | { readonly kind: 'closed' };

interface Pending {
  readonly request: SlotRequest;
  readonly watchdogMs: number;
  readonly resolve: (outcome: SlotOutcome) => void;
}

/**
 * One worker of the pool. It sends one request at a time, so it always knows
 * which request a stuck or crashed worker was running; a main-thread watchdog
 * terminates a worker that overruns a request's deadline and starts a new
 * one. `generation` counts workers: instances loaded in an earlier
 * generation are gone and must be reloaded.
 */
export class WorkerSlot {
  /** Live instances assigned to this slot (for least-loaded placement). */
  instances = 0;
  private currentGeneration = 0;
  private transport: WorkerTransport;
  private readonly queue: Pending[] = [];
  private inFlight:
    (Pending & { readonly id: number; readonly timer: ReturnType<typeof setTimeout> }) | undefined;
  private nextId = 1;
  private closed = false;
  /** Crashes since the worker last answered: each one doubles the wait before the next start. */
  private crashesInRow = 0;
  /** Set while a crashing worker waits to be started again. */
  private restartTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly index: number,
    private readonly spawn: () => WorkerTransport,
    private readonly onReplaced: (context: {
      index: number;
      reason: 'watchdog' | 'crashed';
    }) => void,
  ) {
    this.transport = this.start();
  }

  /** Increases each time the worker is replaced. */
  get generation(): number {
    return this.currentGeneration;
  }

  /**
   * Queues `request`; the watchdog allows it `watchdogMs` once sent.
   * Resolves with its outcome, never rejects.
   */
  request(request: SlotRequest, watchdogMs: number): Promise<SlotOutcome> {
    if (this.closed) return Promise.resolve({ kind: 'closed' });
    return new Promise((resolve) => {
      this.queue.push({ request, watchdogMs, resolve });
      this.pump();
    });
  }

  /** Terminates the worker; queued and running requests end as `closed`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.restartTimer);
    this.transport.terminate();
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      this.inFlight.resolve({ kind: 'closed' });
      this.inFlight = undefined;
    }
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'closed' });
  }

  private start(): WorkerTransport {
    const transport = this.spawn();
    transport.listen({
      message: (response) => {
        if (transport !== this.transport || this.inFlight?.id !== response.id) return;
        this.crashesInRow = 0;
        this.finish({ kind: 'response', response });
      },
      failure: (reason) => {
        if (transport === this.transport && !this.closed) this.replace('crashed', reason);
      },
    });
    return transport;
  }

  private pump(): void {
    if (this.inFlight || this.closed || this.restartTimer !== undefined) return;
    const next = this.queue.shift();
    if (next === undefined) return;
    const id = this.nextId++;
    const timer = setTimeout(() => this.replace('watchdog', ''), next.watchdogMs);
    this.inFlight = { ...next, id, timer };
    this.transport.post({ ...next.request, id } as WorkerRequest);
  }

  private finish(outcome: SlotOutcome): void {
    const current = this.inFlight;
    if (current === undefined) return;
    clearTimeout(current.timer);
    this.inFlight = undefined;
    current.resolve(outcome);
    this.pump();
  }

  private replace(reason: 'watchdog' | 'crashed', detail: string): void {
    this.transport.terminate();
    this.currentGeneration++;
    if (reason === 'crashed') this.crashesInRow++;
    // A worker that keeps crashing (a broken entry, a bad build) is started
    // again after 50 ms, 100 ms, ... up to 5 s, not in a tight loop; queued
    // requests wait for it.
    const delay = this.crashesInRow < 2 ? 0 : Math.min(5_000, 50 * 2 ** (this.crashesInRow - 2));
    if (delay === 0) this.transport = this.start();
    else {
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        if (this.closed) return;
        this.transport = this.start();
        this.pump();
      }, delay);
    }
    this.onReplaced({ index: this.index, reason });
    this.finish(reason === 'watchdog' ? { kind: 'watchdog' } : { kind: 'crashed', reason: detail });
  }
}
