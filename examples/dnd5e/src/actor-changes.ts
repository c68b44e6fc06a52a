/**
 * Several changes to one actor's `data` in one call, proposed as one
 * `core:update-actor` each: `core:update-actor` replaces `data` as a
 * whole, so two proposals built from the same actor would undo each
 * other (a caster caught in its own fireball spends a slot and loses hit
 * points).
 */
import type { ProposingContext } from '@vtt/sdk';
import { withData } from './creature.js';
import type { Actor, JsonValue } from './sdk-types.js';

/** Collects `data` fields per actor; `propose` sends them. */
export class ActorChanges {
  readonly #pending = new Map<
    string,
    { actor: Actor; fields: Record<string, JsonValue>; remove: Set<string> }
  >();

  /**
   * Sets `fields` and leaves out `remove` in `actor`'s data, after the
   * changes already collected for it.
   *
   * @example
   * changes.set(caster, { spellSlots });
   * changes.set(caster, { hp }, ['concentration']);
   */
  set(actor: Actor, fields: Readonly<Record<string, JsonValue>>, remove: readonly string[] = []) {
    const entry = this.#pending.get(actor.id) ?? { actor, fields: {}, remove: new Set<string>() };
    for (const [key, value] of Object.entries(fields)) {
      entry.fields[key] = value;
      entry.remove.delete(key);
    }
    for (const key of remove) {
      delete entry.fields[key];
      entry.remove.add(key);
    }
    this.#pending.set(actor.id, entry);
  }

  /** Proposes one `core:update-actor` per changed actor, in the order they were first changed. */
  propose(ctx: ProposingContext): void {
    for (const { actor, fields, remove } of this.#pending.values()) {
      ctx.act('core:update-actor', {
        actorId: actor.id,
        patch: { data: withData(actor, fields, [...remove]) },
      });
    }
    this.#pending.clear();
  }
}
