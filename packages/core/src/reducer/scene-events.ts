/** Event handlers of scenes and their fog of war. */
import { compactFog, validateFogShape, validateGrid } from '../geometry/index.js';
import { putOrRemove, ref } from '../model/doc-refs.js';
import type { Scene } from '../model/documents.js';
import type { DocRef, TableDocs } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustBeValid, mustExist } from './helpers.js';

const sceneRef = (id: string) => [ref('scenes', id)];

function withScene(
  docs: TableDocs,
  id: string,
  change: (scene: Scene) => Scene,
): Partial<TableDocs> {
  const scene = docs.scenes[id];
  return scene === undefined ? {} : { scenes: { ...docs.scenes, [id]: change(scene) } };
}

/** The scene and every token and note on it: what deleting the scene removes. */
function sceneAndContents(docs: TableDocs, sceneId: string): DocRef[] {
  const refs: DocRef[] = [ref('scenes', sceneId)];
  for (const id in docs.tokens)
    if (docs.tokens[id]!.sceneId === sceneId) refs.push(ref('tokens', id));
  for (const id in docs.notes) if (docs.notes[id]!.sceneId === sceneId) refs.push(ref('notes', id));
  return refs;
}

function withoutScene<T extends { readonly sceneId: string }>(
  map: Readonly<Record<string, T>>,
  sceneId: string,
): Readonly<Record<string, T>> {
  let out: Record<string, T> | undefined;
  for (const id in map) {
    if (map[id]!.sceneId !== sceneId) continue;
    out ??= { ...map };
    delete out[id];
  }
  return out ?? map;
}

const GRID_FIX =
  'Send a grid such as { "type": "square", "size": 100, "offsetX": 0, "offsetY": 0, "units": "ft", "distance": 5 }.';

/** Handlers of the `core:scene-*` and `core:fog-*` events. */
export const SCENE_EVENTS = defineEventHandlers({
  'core:scene-created': {
    apply: ({ docs, payload }) => ({
      scenes: { ...docs.scenes, [payload.scene.id]: payload.scene },
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
    apply: ({ docs, payload: { sceneId } }) => ({
      scenes: putOrRemove(docs.scenes, sceneId, null),
      tokens: withoutScene(docs.tokens, sceneId),
      notes: withoutScene(docs.notes, sceneId),
    }),
    changes: ({ docs, payload }) => sceneAndContents(docs, payload.sceneId),
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
