/**
 * `@vtt/sdk/archive`: the packed module format (`.vttmod`), writer and
 * hardened reader (Node only). See docs/reference/archive-format.md.
 */
export { DEFAULT_ARCHIVE_LIMITS, resolveArchiveLimits } from './archive-limits.js';
export type { ArchiveLimits } from './archive-limits.js';
export { writeArchive } from './write-archive.js';
export type { ArchiveFile, WriteArchiveOptions } from './write-archive.js';
export { inspectArchive, readArchive } from './read-archive.js';
export type { ArchiveInspection, ReadArchiveResult } from './read-archive.js';
export { extractArchive } from './extract-archive.js';
export type { ExtractArchiveOptions, ExtractedArchive } from './extract-archive.js';
export { INTEGRITY_FORMAT, INTEGRITY_PATH, canonicalListing } from './integrity.js';
export type { ArchiveIntegrity, ArchiveIntegrityEntry } from './integrity.js';
export { TarStreamWriter, readTarStream } from './tar-stream.js';
export type { TarStreamEntry } from './tar-stream.js';
