/**
 * What a player or observer sees of measured templates and drawings: the
 * public ones on scenes they see, whole but for module flags the campaign's
 * visibility policy hides. GM-only ones are absent from their views and
 * events. Fog does not hide a public mark: it is put on the map to be seen.
 */
import type { Member } from '../model/documents.js';
import {
  drawingsOf,
  templatesOf,
  type Drawing,
  type MeasuredTemplate,
} from '../model/scene-marks.js';
import type { TableDocs } from '../model/state.js';
import { withViewedFlags } from './redact-flags.js';

/**
 * True when `member` sees `mark` (a template or drawing): GMs always;
 * others when it is public and its scene is not hidden.
 *
 * @example
 * markVisible(state, templatesOf(state).get('t1')!, player); // false for a GM-only template
 */
export function markVisible(
  docs: TableDocs,
  mark: MeasuredTemplate | Drawing,
  member: Member,
): boolean {
  if (member.role === 'gm') return true;
  if (mark.visibility !== 'public') return false;
  const scene = docs.scenes.get(mark.sceneId);
  return scene !== undefined && !scene.hidden;
}

/**
 * The template or drawing as `member` sees it, or `undefined` (the same
 * object when nothing is redacted).
 *
 * @example
 * viewMark(state, drawing, player)?.text;
 */
export function viewMark<M extends MeasuredTemplate | Drawing>(
  docs: TableDocs,
  mark: M,
  member: Member,
): M | undefined {
  if (member.role === 'gm') return mark;
  if (!markVisible(docs, mark, member)) return undefined;
  return withViewedFlags(mark, docs.campaign.visibility, mark.author === member.id);
}

/** The two collections as `member` sees them, for `viewFor`. */
export function viewMarkCollections(
  docs: TableDocs,
  member: Member,
): Pick<TableDocs, 'templates' | 'drawings'> {
  const templates = templatesOf(docs);
  const drawings = drawingsOf(docs);
  if (member.role === 'gm') return { templates, drawings };
  return {
    templates: templates.project((t) => viewMark(docs, t, member)),
    drawings: drawings.project((d) => viewMark(docs, d, member)),
  };
}
