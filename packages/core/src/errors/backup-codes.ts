import { defineErrors } from './error-spec.js';

/**
 * Error codes of server backups (`vtt backup`, `vtt restore`) and of moving
 * one campaign between servers (`GET /api/campaigns/:id/archive`,
 * `POST /api/campaigns/import`).
 */
export const BACKUP_ERRORS = defineErrors({
  VTT_ERR_TRANSFER_SESSION_RUNNING: {
    message:
      'Dice session {session} is still running: its seed is secret until it ends, and a campaign archive would hold it.',
    fix: 'End the session first (core:end-session reveals its seed), then export; start a new session afterwards.',
    status: 409,
  },
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
  VTT_ERR_TRANSFER_NOT_ARCHIVE: {
    message: 'The upload is not a campaign archive: {problem}.',
    fix: 'Send the .tar.gz file that GET /api/campaigns/:id/archive wrote, unchanged, as application/octet-stream.',
  },
  VTT_ERR_TRANSFER_TOO_LARGE: {
    message: 'The campaign archive is larger than {limit}, the most this server imports.',
    fix: 'Move a campaign this large with `vtt backup` and `vtt restore` of the whole server, or remove unused assets before exporting it.',
    status: 413,
  },
  VTT_ERR_TRANSFER_MISMATCH: {
    message: 'The campaign archive does not match its manifest: {problem}.',
    fix: 'The archive was changed or damaged after it was exported: export the campaign again and import that file.',
  },
  VTT_ERR_TRANSFER_EXISTS: {
    message: 'The campaign {id} ("{name}") is already on this server.',
    fix: 'It was imported here before, or never left: open it from your campaign list (ask its GM for an invite), or have its GM delete it here first.',
    status: 409,
  },
  VTT_ERR_TRANSFER_MODULES: {
    message: 'This server lacks the modules the campaign uses: {modules}.',
    fix: 'Ask an admin of this server to install exactly these versions (POST /api/modules or `vtt install`), then import the archive again.',
    status: 409,
  },
});
