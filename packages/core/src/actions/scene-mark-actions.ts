/** Deciding measured template and drawing actions: create, update, delete. */
import { CONE_APERTURE_5E, drawingsOf, normalizeAngle, templatesOf } from '../model/scene-marks.js';
import { defineActionHandlers } from './action-handler.js';
import { withKeptFlags } from './keep-hidden.js';
import type { TemplateFields } from './scene-mark-action-types.js';

/** The patch with its angle stored in [0, 360). */
function normalized<P extends TemplateFields>(patch: P): P {
  return patch.angle === undefined ? patch : { ...patch, angle: normalizeAngle(patch.angle) };
}

/** Handlers of the `core:*-template` and `core:*-drawing` actions. */
export const SCENE_MARK_ACTIONS = defineActionHandlers({
  'core:create-template': ({ state, member, payload: p, newId }) => [
    {
      type: 'core:template-created',
      payload: {
        template: {
          id: newId((id) => templatesOf(state).has(id), 'template', p.id, 'templates'),
          sceneId: p.sceneId,
          shape: p.shape,
          origin: { x: p.origin.x, y: p.origin.y },
          size: p.size,
          width: p.width ?? null,
          angle: normalizeAngle(p.angle ?? 0),
          aperture: p.aperture ?? CONE_APERTURE_5E,
          color: p.color ?? '#ff4500',
          label: p.label ?? null,
          visibility: p.visibility ?? (member.role === 'gm' ? 'gm' : 'public'),
          author: member.id,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-template': ({ state, member, payload }) => {
    const kept = withKeptFlags(templatesOf(state).get(payload.templateId), member, state, payload);
    return [
      {
        type: 'core:template-updated',
        payload: { templateId: kept.templateId, patch: normalized(kept.patch) },
      },
    ];
  },
  'core:delete-template': ({ payload }) => [{ type: 'core:template-deleted', payload }],
  'core:create-drawing': ({ state, member, payload: p, newId }) => [
    {
      type: 'core:drawing-created',
      payload: {
        drawing: {
          id: newId((id) => drawingsOf(state).has(id), 'drawing', p.id, 'drawings'),
          sceneId: p.sceneId,
          shape: p.shape,
          x: p.x,
          y: p.y,
          width: p.width ?? 0,
          height: p.height ?? 0,
          points: (p.points ?? []).map(({ x, y }) => ({ x, y })),
          rotation: normalizeAngle(p.rotation ?? 0),
          strokeColor: p.strokeColor ?? '#000000',
          strokeWidth: p.strokeWidth ?? 4,
          fillColor: p.fillColor ?? null,
          text: p.text ?? null,
          visibility: p.visibility ?? (member.role === 'gm' ? 'gm' : 'public'),
          author: member.id,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-drawing': ({ state, member, payload }) => {
    const kept = withKeptFlags(drawingsOf(state).get(payload.drawingId), member, state, payload);
    const { rotation } = kept.patch;
    const patch =
      rotation === undefined ? kept.patch : { ...kept.patch, rotation: normalizeAngle(rotation) };
    return [{ type: 'core:drawing-updated', payload: { drawingId: kept.drawingId, patch } }];
  },
  'core:delete-drawing': ({ payload }) => [{ type: 'core:drawing-deleted', payload }],
});
