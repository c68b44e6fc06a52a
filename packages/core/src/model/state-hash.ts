/**
 * A digest of a whole table state, for checking that a table reloaded from
 * its snapshot and event log is the table that was saved.
 */
import { sha256Hex } from '../random/sha256.js';

/**
 * The state (or any JSON-able value) as JSON with every object's keys in
 * sorted order, so equal states give equal text whatever order their
 * documents were inserted in. `undefined` properties are left out, as
 * `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const json = (v as { toJSON?: () => unknown }).toJSON;
    const plain = (typeof json === 'function' ? json.call(v) : v) as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(plain).sort()) sorted[key] = plain[key];
    return sorted;
  });
}

/**
 * SHA-256 (hex) of {@link canonicalJson} of the state: equal for two states
 * exactly when they hold the same documents, seq, dice generator and undo
 * stacks. Secret (it commits to the RNG state): for the server's own checks.
 *
 * @example
 * const before = stateHash(table.state);
 * // restart, reload from the latest snapshot plus the events after it
 * stateHash(reloaded.state) === before; // true
 */
export function stateHash(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}
