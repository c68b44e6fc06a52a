/** Deciding scene and fog actions. */
import { defaultFog, defaultGrid } from '../geometry/index.js';
import { defineActionHandlers } from './action-handler.js';

/** Handlers of the `core:*-scene` and fog actions. */
export const SCENE_ACTIONS = defineActionHandlers({
  'core:create-scene': ({ state, payload: p, newId }) => [
    {
      type: 'core:scene-created',
      payload: {
        scene: {
          id: newId((id) => state.scenes.has(id), 'scene', p.id, 'scenes'),
          name: p.name,
          background: p.background ?? null,
          width: p.width ?? 4000,
          height: p.height ?? 3000,
          grid: p.grid ?? defaultGrid(),
          fog: defaultFog(),
          hidden: p.hidden ?? false,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:update-scene': ({ payload }) => [{ type: 'core:scene-updated', payload }],
  'core:delete-scene': ({ payload }) => [{ type: 'core:scene-deleted', payload }],
  'core:paint-fog': ({ payload }) => [
    {
      type: 'core:fog-painted',
      payload: { sceneId: payload.sceneId, op: { mode: payload.mode, shape: payload.shape } },
    },
  ],
  'core:configure-fog': ({ payload }) => [
    {
      type: 'core:fog-configured',
      payload: {
        sceneId: payload.sceneId,
        enabled: payload.enabled,
        clear: payload.clear ?? false,
      },
    },
  ],
});
