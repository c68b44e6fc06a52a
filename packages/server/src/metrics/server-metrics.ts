/**
 * The server's Prometheus metrics (prom-client), in a registry of its own
 * so that several servers in one process (tests) do not share counters.
 * Labels take only bounded values: message kinds, action types that were
 * accepted (core's and the installed modules'), error codes, sandbox entry
 * points. No campaign, user or document id is ever a label.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds buckets for requests and database appends: 0.5 ms to 2.5 s. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Seconds buckets for sandbox calls: 50 µs to 1 s. */
const SANDBOX_BUCKETS = [0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.005, 0.025, 0.1, 0.25, 1];

/** What the metrics read from the rest of the server when scraped. */
export interface MetricsSources {
  /** Open live sockets. */
  readonly connectedClients: () => number;
  /** Tables loaded in memory. */
  readonly activeTables: () => number;
  /** Modules whose rules are suspended, summed over the loaded tables. */
  readonly quarantinedModules: () => number;
}

/** The metrics of one server, and what records them. */
export class ServerMetrics {
  /** The registry `/metrics` serves. */
  readonly registry = new Registry();
  #sources: MetricsSources = {
    connectedClients: () => 0,
    activeTables: () => 0,
    quarantinedModules: () => 0,
  };
  readonly #requests: Counter<'kind' | 'type'>;
  readonly #requestSeconds: Histogram<'kind'>;
  readonly #rejected: Counter<'code'>;
  readonly #sandboxSeconds: Histogram<'fn'>;
  readonly #sandboxFailures: Counter<'fn' | 'code'>;
  readonly #appendSeconds: Histogram;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.#gauge(
      'vtt_connected_clients',
      () => this.#sources.connectedClients(),
      'Open live-table sockets.',
    );
    this.#gauge(
      'vtt_active_tables',
      () => this.#sources.activeTables(),
      'Tables loaded in memory.',
    );
    this.#gauge(
      'vtt_quarantined_modules',
      () => this.#sources.quarantinedModules(),
      'Modules whose rules are suspended at a loaded table (summed over tables).',
    );
    this.#requests = new Counter({
      name: 'vtt_requests_total',
      help: 'Acknowledged live requests, by message kind and action type (action type "" for rolls, chat, macros...).',
      labelNames: ['kind', 'type'],
      registers,
    });
    this.#requestSeconds = new Histogram({
      name: 'vtt_request_duration_seconds',
      help: 'From a live request received to its ack sent (its events durable).',
      labelNames: ['kind'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#rejected = new Counter({
      name: 'vtt_rejected_total',
      help: 'Live requests and messages refused, by error code.',
      labelNames: ['code'],
      registers,
    });
    this.#sandboxSeconds = new Histogram({
      name: 'vtt_sandbox_call_duration_seconds',
      help: 'Calls into module sandboxes, by guest function.',
      labelNames: ['fn'],
      buckets: SANDBOX_BUCKETS,
      registers,
    });
    this.#sandboxFailures = new Counter({
      name: 'vtt_sandbox_call_failures_total',
      help: 'Failed sandbox calls, by guest function and error code.',
      labelNames: ['fn', 'code'],
      registers,
    });
    this.#appendSeconds = new Histogram({
      name: 'vtt_db_append_duration_seconds',
      help: "From a table's events handed to the database to their commit (fsync included).",
      buckets: LATENCY_BUCKETS,
      registers,
    });
  }

  /** A gauge read from the server when scraped. */
  #gauge(name: string, read: () => number, help: string): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** Where the gauges read from (set once the plugins that own them exist). */
  setSources(sources: Partial<MetricsSources>): void {
    this.#sources = { ...this.#sources, ...sources };
  }

  /** A live request was acknowledged after `ms`. */
  requestDone(kind: string, actionType: string, ms: number): void {
    this.#requests.inc({ kind, type: actionType });
    this.#requestSeconds.observe({ kind }, ms / 1000);
  }

  /** A live request or message was refused with `code`. */
  rejected(code: string): void {
    this.#rejected.inc({ code });
  }

  /** A sandbox call of guest function `fn` ended after `ms` (failed with `code`, if it did). */
  sandboxCall(fn: string, ms: number, code?: string): void {
    this.#sandboxSeconds.observe({ fn }, ms / 1000);
    if (code !== undefined) this.#sandboxFailures.inc({ fn, code });
  }

  /** A table's append was durable after `ms`. */
  appendDone(ms: number): void {
    this.#appendSeconds.observe(ms / 1000);
  }
}
