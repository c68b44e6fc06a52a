/**
 * Test helper: what a refusal case is, and small builders shared by the
 * tables of crafted archives the reader must refuse.
 */
import { writeArchive, type ArchiveLimits } from '../index.js';
import { craftTar, gzip, integrityEntry, integrityRecord, type CraftEntry } from './craft-tar.js';

/** One crafted archive and the code (without `VTT_ERR_ARCHIVE_`) it must be refused with. */
export interface RefusalCase {
  readonly name: string;
  readonly code: string;
  /** Builds the archive; `base` is the test's temp folder (for absolute-path attacks). */
  readonly archive: (base: string) => Uint8Array;
  readonly limits?: Partial<ArchiveLimits>;
}

/** UTF-8 bytes of `value`. */
export const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** A regular-file entry. */
export const file = (name: string, data = 'x'): CraftEntry => ({ name, data });

export const MiB = 1024 * 1024;

/** A valid archive, then `mutate` applied to its bytes. */
export function altered(mutate: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  return mutate(writeArchive({ files: [{ path: 'vtt-module.json', data: text('{"id":"x"}') }] }));
}

/** An archive whose integrity record is `record` (a JSON value), then `entries`. */
export function withRecord(record: unknown, entries: readonly CraftEntry[]): Uint8Array {
  return gzip(craftTar([integrityEntry(record), ...entries]));
}

/** A correct integrity record for text entries. */
export const listed = (entries: readonly CraftEntry[]): ReturnType<typeof integrityRecord> =>
  integrityRecord(entries.map((e) => ({ path: String(e.name), data: text(String(e.data)) })));
