/**
 * Small checks for replies of untrusted module code: each failure is a
 * `VTT_ERR_MODULE_BAD_REPLY` naming the module, the call and the JSON
 * pointer of the field.
 */
import { VttError, type GuestCall, type JsonValue } from '@vtt/core';

/** A JSON object as parsed from a reply. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** True for a JSON object (not null, not an array). */
export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a check is: which module answered which call. */
export interface ReplyAt {
  readonly moduleId: string;
  readonly call: GuestCall;
}

/** The error for a reply whose field at `pointer` does not fit the protocol. */
export function badReply(at: ReplyAt, pointer: string, problem: string): VttError {
  return new VttError('VTT_ERR_MODULE_BAD_REPLY', {
    moduleId: at.moduleId,
    call: at.call,
    pointer,
    problem,
  });
}

/** The object at `pointer`, or a BAD_REPLY. */
export function objectAt(at: ReplyAt, value: JsonValue | undefined, pointer: string): JsonObject {
  if (!isObject(value)) throw badReply(at, pointer, 'expected an object');
  return value;
}

/** The string at `pointer`, or a BAD_REPLY. */
export function stringAt(at: ReplyAt, value: JsonValue | undefined, pointer: string): string {
  if (typeof value !== 'string') throw badReply(at, pointer, 'expected a string');
  return value;
}

/** The finite number at `pointer`, or a BAD_REPLY. */
export function numberAt(at: ReplyAt, value: JsonValue | undefined, pointer: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw badReply(at, pointer, 'expected a finite number');
  return value;
}

/** The list of strings at `pointer`, or a BAD_REPLY. */
export function stringsAt(at: ReplyAt, value: JsonValue | undefined, pointer: string): string[] {
  if (!Array.isArray(value)) throw badReply(at, pointer, 'expected an array of strings');
  return value.map((item, i) => stringAt(at, item, `${pointer}/${i}`));
}

/** An optional string: absent stays absent, anything else must be a string. */
export function optionalString(
  at: ReplyAt,
  value: JsonValue | undefined,
  pointer: string,
): string | undefined {
  return value === undefined ? undefined : stringAt(at, value, pointer);
}

/**
 * The entries of the object at `pointer`, each mapped by `check`, as an
 * object without a prototype (so `name in record` never finds `toString`).
 */
export function recordAt<T>(
  at: ReplyAt,
  value: JsonValue | undefined,
  pointer: string,
  check: (item: JsonValue, pointer: string, key: string) => T,
): Readonly<Record<string, T>> {
  const source = objectAt(at, value, pointer);
  const record = Object.create(null) as Record<string, T>;
  for (const [key, item] of Object.entries(source)) {
    record[key] = check(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, key);
  }
  return record;
}
