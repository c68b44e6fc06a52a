/**
 * What a player may do with measured templates and drawings: place public
 * ones on scenes they see, and change or remove their own only.
 */
import { VttError } from '../errors/vtt-error.js';
import type { Member } from '../model/documents.js';
import { deepEqual } from '../model/json.js';
import type { Drawing, MeasuredTemplate } from '../model/scene-marks.js';
import type { TableDocs } from '../model/state.js';
import { markVisible } from '../views/scene-mark-visibility.js';
import { sceneVisible } from '../views/visibility.js';

/** Fields that stay as the mark was created: its id, scene and author. */
const FIXED_FIELDS = ['id', 'sceneId', 'author'] as const;

/** One changed template or drawing: `undefined` before a create, after a delete. */
export interface MarkChange {
  readonly docs: TableDocs;
  readonly member: Member;
  readonly collection: 'templates' | 'drawings';
  readonly id: string;
  readonly before: MeasuredTemplate | Drawing | undefined;
  readonly after: MeasuredTemplate | Drawing | undefined;
}

/**
 * Throws unless player `c.member` may make the change: a mark they cannot
 * see answers `VTT_ERR_DOCUMENT_NOT_FOUND` (so a GM-only one stays
 * unconfirmed), another member's `VTT_ERR_PERMISSION_NOT_OWNER`, a GM-only
 * one of their own `VTT_ERR_PERMISSION_FIELD` (visibility), and moving it to
 * another scene or author `VTT_ERR_PERMISSION_FIELD`.
 *
 * @example
 * markRule({ docs: state, member, collection: 'templates', id: 't1', before: undefined, after });
 */
export function markRule(c: MarkChange): void {
  const { before, after, member, collection, id } = c;
  if (before && !markVisible(c.docs, before, member))
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection, id });
  const doc = (after ?? before)!;
  if (doc.author !== member.id || (before && before.author !== member.id))
    throw new VttError('VTT_ERR_PERMISSION_NOT_OWNER', { collection, id });
  if (after === undefined) return;
  if (after.visibility !== 'public')
    throw new VttError('VTT_ERR_PERMISSION_FIELD', { collection, id, field: 'visibility' });
  if (!sceneVisible(c.docs.scenes.get(after.sceneId), member))
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'scenes', id: after.sceneId });
  if (before === undefined) return;
  for (const field of FIXED_FIELDS) {
    if (!deepEqual(before[field], after[field]))
      throw new VttError('VTT_ERR_PERMISSION_FIELD', { collection, id, field });
  }
}
