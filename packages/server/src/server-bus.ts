/**
 * Server-wide notifications between plugins: what one plugin changes that
 * another must act on at once (close a revoked session's sockets, re-filter
 * a member's view). In-process today; the scale-out relays it over Redis.
 */

/** Each notification by name, with its payload. */
export interface ServerBusEvents {
  /** These sessions ended: their sockets close with `UNAUTHORIZED`. */
  'sessions-revoked': { readonly sessionIds: readonly string[] };
  /** These API tokens were revoked: their sockets close with `UNAUTHORIZED`. */
  'api-tokens-revoked': { readonly tokenIds: readonly string[] };
  /** A member's role changed (`role` null: removed). */
  'member-changed': {
    readonly campaignId: string;
    readonly userId: string;
    readonly role: string | null;
  };
  /** A campaign was deleted or archived: its sockets close. */
  'campaign-closed': { readonly campaignId: string; readonly reason: 'deleted' | 'archived' };
  /**
   * A deleted campaign's asset rows are gone and no other row uses these
   * blobs: the assets plugin removes their files (checking again first).
   */
  'assets-orphaned': { readonly campaignId: string; readonly sha256s: readonly string[] };
}

type Listener<K extends keyof ServerBusEvents> = (
  payload: ServerBusEvents[K],
) => void | Promise<void>;

/** A typed, in-process publish/subscribe of {@link ServerBusEvents}. */
export class ServerBus {
  readonly #listeners = new Map<keyof ServerBusEvents, Set<Listener<never>>>();

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof ServerBusEvents>(name: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(name);
    if (set === undefined) this.#listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Notifies every listener and waits for them; a listener's failure does not stop the others. */
  async emit<K extends keyof ServerBusEvents>(name: K, payload: ServerBusEvents[K]): Promise<void> {
    const set = this.#listeners.get(name);
    if (set === undefined) return;
    await Promise.allSettled([...set].map(async (l) => (l as Listener<K>)(payload)));
  }
}
