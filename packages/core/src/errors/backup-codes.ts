import { defineErrors } from './error-spec.js';

/** Error codes of server backups (`vtt backup`, `vtt restore`). */
export const BACKUP_ERRORS = defineErrors({
  VTT_ERR_BACKUP_NO_SQLITE: {
    message: 'There is no SQLite database at {path} to back up.',
    fix: 'Point --data at the data folder of a server that uses its SQLite default; a server on PostgreSQL is backed up with pg_dump, plus a copy of its data folder.',
  },
  VTT_ERR_BACKUP_TARGET_NOT_EMPTY: {
    message: 'The data folder {path} to restore into is not empty.',
    fix: 'Restore into a new or empty folder, then start the server with --data pointing at it.',
  },
  VTT_ERR_BACKUP_NOT_ARCHIVE: {
    message: '{path} is not a backup archive: {problem}.',
    fix: 'Give the .tar.gz file that `vtt backup` wrote.',
  },
  VTT_ERR_BACKUP_INCOMPLETE: {
    message: 'The backup {path} is incomplete: {problem}.',
    fix: 'Use a backup that `vtt backup` finished writing (an interrupted one is left as a .partial file).',
  },
  VTT_ERR_BACKUP_MISMATCH: {
    message: 'The backup does not match its manifest: {problem}.',
    fix: 'The archive was changed or damaged after it was written: restore another backup.',
  },
  VTT_ERR_BACKUP_BAD_MANIFEST: {
    message: 'The backup manifest is not one this server reads: {problem}.',
    fix: 'Restore it with the vtt version that wrote it, or a later one.',
  },
});
