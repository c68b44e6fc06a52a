/** A Lit reactive controller that re-renders its host when a table changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TableConnection } from './table-connection.js';

/**
 * Subscribes a host element to a {@link TableConnection} while the host is
 * connected, and asks it to update on every `change` and `status`. The
 * connection can be set later (`controller.table = ...`, e.g. from a context
 * consumer) and swapped; the host reads `controller.table?.view`.
 *
 * @example
 * class VttTokenCount extends LitElement {
 *   readonly #table = new TableController(this);
 *   render() { return html`${this.#table.view?.tokens.size ?? 0} tokens`; }
 * }
 */
export class TableController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #table: TableConnection | null;
  #connected = false;
  readonly #onChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost, table: TableConnection | null = null) {
    this.#host = host;
    this.#table = table;
    host.addController(this);
  }

  /** The connection the host shows, or null. */
  get table(): TableConnection | null {
    return this.#table;
  }

  set table(table: TableConnection | null) {
    if (table === this.#table) return;
    if (this.#connected) this.#unsubscribe();
    this.#table = table;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  /** Shorthand for `table?.view ?? null`: what the host renders. */
  get view(): TableConnection['view'] {
    return this.#table?.view ?? null;
  }

  /** Shorthand for `table?.status`; `closed` without a table. */
  get status(): TableConnection['status'] {
    return this.#table?.status ?? 'closed';
  }

  /** Lit calls this when the host is connected. */
  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  /** Lit calls this when the host is disconnected. */
  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    this.#table?.addEventListener('change', this.#onChange);
    this.#table?.addEventListener('status', this.#onChange);
  }

  #unsubscribe(): void {
    this.#table?.removeEventListener('change', this.#onChange);
    this.#table?.removeEventListener('status', this.#onChange);
  }
}
