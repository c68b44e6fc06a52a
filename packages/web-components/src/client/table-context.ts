/**
 * The table as a Lit context: an app element provides its connection, the
 * elements inside it consume it. No globals, no decorators.
 */
import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import type { ReactiveElement } from 'lit';
import { TableController } from './table-controller.js';
import type { TableConnection } from './table-connection.js';

/**
 * The context key of the current {@link TableConnection}.
 *
 * @example
 * new ContextProvider(this, { context: tableContext, initialValue: table });
 */
export const tableContext = createContext<TableConnection | null>(Symbol('vtt-table'));

/**
 * Makes `host` provide `table` to the elements inside it; set `.value` on
 * the returned provider to switch tables.
 *
 * @example
 * class VttApp extends LitElement {
 *   readonly provider = provideTable(this, client.join(campaignId));
 * }
 */
export function provideTable(
  host: ReactiveElement,
  table: TableConnection | null,
): ContextProvider<typeof tableContext> {
  return new ContextProvider(host, { context: tableContext, initialValue: table });
}

/**
 * A {@link TableController} fed by the nearest provider of
 * {@link tableContext}: `host` updates when the provided table or its state
 * changes.
 *
 * @example
 * class VttTokenList extends LitElement {
 *   readonly #table = consumeTable(this);
 *   render() { return html`${this.#table.view?.tokens.size ?? 0}`; }
 * }
 */
export function consumeTable(host: ReactiveElement): TableController {
  const controller = new TableController(host);
  new ContextConsumer(host, {
    context: tableContext,
    subscribe: true,
    callback: (table) => {
      controller.table = table;
    },
  });
  return controller;
}
