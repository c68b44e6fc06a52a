/** Event handlers of scenes and their fog of war. */
import { compactFog, validateFogShape, validateGrid } from '../geometry/index.js';
import { ref } from '../model/doc-refs.js';
import type { Scene } from '../model/documents.js';
import type { TableDocs } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustBeValid, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const sceneRef = (id: string) => [ref('scenes', id)];

function withScene(
  docs: TableDocs,
  id: string,
  change: (scene: Scene) => Scene,
): Partial<TableDocs> {
  const scene = docs.scenes.get(id);
  return scene === undefined ? {} : { scenes: docs.scenes.set(id, change(scene)) };
}

const GRID_FIX =
  'Send a grid such as { "type": "square", "size": 100, "offsetX": 0, "offsetY": 0, "units": "ft", "distance": 5 }.';

/** Handlers of the `core:scene-*` and `core:fog-*` events. */
export const SCENE_EVENTS = defineEventHandlers({
  'core:scene-created': {
    apply: ({ docs, payload }) => ({
      scenes: docs.scenes.set(payload.scene.id, payload.scene),
    }),
    changes: ({ payload }) => sceneRef(payload.scene.id),
    check: ({ state, payload: { scene } }) => {
      mustBeFree(state.scenes, 'scenes', scene.id);
      mustBeValid(validateGrid(scene.grid), 'scenes', scene.id, GRID_FIX);
    },
    undoable: true,
  },
  'core:scene-updated': {
    apply: ({ docs, payload }) =>
      withScene(docs, payload.sceneId, (s) => applyPatch(s, payload.patch)),
    changes: ({ payload }) => sceneRef(payload.sceneId),
    check: ({ state, payload }) => {
      mustExist(state.scenes, 'scenes', payload.sceneId);
      if (payload.patch.grid !== undefined) {
        mustBeValid(validateGrid(payload.patch.grid), 'scenes', payload.sceneId, GRID_FIX);
      }
    },
    undoable: true,
  },
  'core:scene-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, sceneRef(payload.sceneId)),
    changes: ({ docs, payload }) => removalChanges(docs, sceneRef(payload.sceneId)),
    checked: ({ payload }) => sceneRef(payload.sceneId),
    check: ({ state, payload }) => void mustExist(state.scenes, 'scenes', payload.sceneId),
    undoable: true,
  },
  'core:fog-painted': {
    apply: ({ docs, payload }) =>
      withScene(docs, payload.sceneId, (s) => ({
        ...s,
        fog: compactFog({ enabled: s.fog.enabled, ops: [...s.fog.ops, payload.op] }),
      })),
    changes: ({ payload }) => sceneRef(payload.sceneId),
    check: ({ state, payload }) => {
      mustExist(state.scenes, 'scenes', payload.sceneId);
      mustBeValid(
        validateFogShape(payload.op.shape),
        'scenes',
        payload.sceneId,
        'Paint a smaller or simpler fog shape.',
      );
    },
    undoable: true,
  },
  'core:fog-configured': {
    apply: ({ docs, payload }) =>
      withScene(docs, payload.sceneId, (s) => ({
        ...s,
        fog: { enabled: payload.enabled, ops: payload.clear ? [] : s.fog.ops },
      })),
    changes: ({ payload }) => sceneRef(payload.sceneId),
    check: ({ state, payload }) => void mustExist(state.scenes, 'scenes', payload.sceneId),
    undoable: true,
  },
});
