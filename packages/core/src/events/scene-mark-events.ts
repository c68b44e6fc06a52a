/** Event handlers of measured templates and drawings: created, updated, deleted. */
import { putOrRemove, ref } from '../model/doc-refs.js';
import {
  DRAWING_LIMITS,
  drawingsOf,
  templatesOf,
  type Drawing,
  type MeasuredTemplate,
} from '../model/scene-marks.js';
import type { TableDocs } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustBeValid, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const templateRef = (id: string) => [ref('templates', id)];
const drawingRef = (id: string) => [ref('drawings', id)];

const templateMustExist = (docs: TableDocs, id: string): MeasuredTemplate =>
  mustExist(templatesOf(docs), 'templates', id);

const drawingMustExist = (docs: TableDocs, id: string): Drawing =>
  mustExist(drawingsOf(docs), 'drawings', id);

/** What is wrong with the template's numbers (events from modules skip the action schema), or null. */
function templateProblem(t: MeasuredTemplate): string | null {
  if (!(t.size > 0) || !Number.isFinite(t.size)) return `its size must be > 0, got ${t.size}`;
  if (t.width !== null && !(t.width > 0 && Number.isFinite(t.width)))
    return `its width must be > 0 or null, got ${t.width}`;
  if (!(t.angle >= 0 && t.angle < 360)) return `its angle must be in [0, 360), got ${t.angle}`;
  if (!(t.aperture > 0 && t.aperture < 180))
    return `its aperture must be between 0 and 180 degrees, got ${t.aperture}`;
  return null;
}

/** What is wrong with the drawing's shape, or null. */
export function drawingProblem(d: Drawing): string | null {
  const n = d.points.length;
  if (n > DRAWING_LIMITS.maxPoints)
    return `it has ${n} points; the limit is ${DRAWING_LIMITS.maxPoints}`;
  switch (d.shape) {
    case 'freehand':
      return n >= 2 ? null : `a freehand drawing needs at least 2 points, got ${n}`;
    case 'polygon':
      return n >= 3 ? null : `a polygon needs at least 3 points, got ${n}`;
    case 'line':
      return n === 2 ? null : `a line needs exactly 2 points, got ${n}`;
    default:
      return d.width > 0 && d.height > 0
        ? null
        : `a ${d.shape} needs a width and a height > 0, got ${d.width} x ${d.height}`;
  }
}

const TEMPLATE_FIX = 'Give a size (and width) > 0 in grid units and an angle in degrees.';
const DRAWING_FIX =
  'Freehand strokes need 2 or more points, polygons 3 or more, lines exactly 2; rectangles and ellipses a width and height.';

/** Handlers of the `core:template-*` and `core:drawing-*` events. */
export const SCENE_MARK_EVENTS = defineEventHandlers({
  'core:template-created': {
    apply: ({ docs, payload: { template } }) => ({
      templates: putOrRemove(templatesOf(docs), template.id, template),
    }),
    changes: ({ payload }) => templateRef(payload.template.id),
    check: ({ state, payload: { template } }) => {
      mustBeFree(templatesOf(state), 'templates', template.id);
      mustExist(state.scenes, 'scenes', template.sceneId);
      mustBeValid(templateProblem(template), 'templates', template.id, TEMPLATE_FIX);
    },
    undoable: true,
  },
  'core:template-updated': {
    apply: ({ docs, payload }) => {
      const template = templatesOf(docs).get(payload.templateId);
      if (template === undefined) return {};
      return {
        templates: templatesOf(docs).set(template.id, applyPatch(template, payload.patch)),
      };
    },
    changes: ({ payload }) => templateRef(payload.templateId),
    check: ({ state, payload }) => {
      const next = applyPatch(templateMustExist(state, payload.templateId), payload.patch);
      mustBeValid(templateProblem(next), 'templates', next.id, TEMPLATE_FIX);
    },
    undoable: true,
  },
  'core:template-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, templateRef(payload.templateId)),
    changes: ({ docs, payload }) => removalChanges(docs, templateRef(payload.templateId)),
    checked: ({ payload }) => templateRef(payload.templateId),
    check: ({ state, payload }) => void templateMustExist(state, payload.templateId),
    undoable: true,
  },
  'core:drawing-created': {
    apply: ({ docs, payload: { drawing } }) => ({
      drawings: putOrRemove(drawingsOf(docs), drawing.id, drawing),
    }),
    changes: ({ payload }) => drawingRef(payload.drawing.id),
    check: ({ state, payload: { drawing } }) => {
      mustBeFree(drawingsOf(state), 'drawings', drawing.id);
      mustExist(state.scenes, 'scenes', drawing.sceneId);
      mustBeValid(drawingProblem(drawing), 'drawings', drawing.id, DRAWING_FIX);
    },
    undoable: true,
  },
  'core:drawing-updated': {
    apply: ({ docs, payload }) => {
      const drawing = drawingsOf(docs).get(payload.drawingId);
      if (drawing === undefined) return {};
      return { drawings: drawingsOf(docs).set(drawing.id, applyPatch(drawing, payload.patch)) };
    },
    changes: ({ payload }) => drawingRef(payload.drawingId),
    check: ({ state, payload }) => {
      const next = applyPatch(drawingMustExist(state, payload.drawingId), payload.patch);
      mustBeValid(drawingProblem(next), 'drawings', next.id, DRAWING_FIX);
    },
    undoable: true,
  },
  'core:drawing-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, drawingRef(payload.drawingId)),
    changes: ({ docs, payload }) => removalChanges(docs, drawingRef(payload.drawingId)),
    checked: ({ payload }) => drawingRef(payload.drawingId),
    check: ({ state, payload }) => void drawingMustExist(state, payload.drawingId),
    undoable: true,
  },
});
