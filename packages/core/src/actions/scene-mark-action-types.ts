/**
 * Payloads and JSON Schemas of the measured template and drawing actions,
 * merged into `TableActionMap` and `ACTION_SCHEMAS`.
 */
import type { Point } from '../geometry/index.js';
import type { Flags } from '../model/json.js';
import {
  DRAWING_LIMITS,
  type DrawingShape,
  type MarkVisibility,
  type TemplateShape,
} from '../model/scene-marks.js';
import { coordSchema, flagsSchema, idSchema, nameSchema, object, patch } from './schema-parts.js';

/** Fields of a measured template that an action may set (lengths in grid units, angles in degrees). */
export interface TemplateFields {
  readonly shape?: TemplateShape;
  readonly origin?: Point;
  readonly size?: number;
  readonly width?: number | null;
  /** Any finite angle; stored normalised to [0, 360). */
  readonly angle?: number;
  readonly aperture?: number;
  readonly color?: string;
  readonly label?: string | null;
  readonly visibility?: MarkVisibility;
  readonly flags?: Flags;
}

/** Fields of a drawing that an action may set (scene pixels). */
export interface DrawingFields {
  readonly shape?: DrawingShape;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly points?: readonly Point[];
  readonly rotation?: number;
  readonly strokeColor?: string;
  readonly strokeWidth?: number;
  readonly fillColor?: string | null;
  readonly text?: string | null;
  readonly visibility?: MarkVisibility;
  readonly flags?: Flags;
}

/** The template and drawing actions, by type; part of `TableActionMap`. */
export interface SceneMarkActionMap {
  /** `visibility` defaults to `gm` for GMs and `public` for players. */
  'core:create-template': TemplateFields & {
    readonly id?: string;
    readonly sceneId: string;
    readonly shape: TemplateShape;
    readonly origin: Point;
    readonly size: number;
  };
  'core:update-template': { readonly templateId: string; readonly patch: TemplateFields };
  'core:delete-template': { readonly templateId: string };
  /** `visibility` defaults to `gm` for GMs and `public` for players. */
  'core:create-drawing': DrawingFields & {
    readonly id?: string;
    readonly sceneId: string;
    readonly shape: DrawingShape;
    readonly x: number;
    readonly y: number;
  };
  'core:update-drawing': { readonly drawingId: string; readonly patch: DrawingFields };
  'core:delete-drawing': { readonly drawingId: string };
}

/** A CSS colour: `#rgb`..`#rrggbbaa`, a colour name, or `rgb()`/`rgba()` of numbers. */
export const colorSchema = {
  type: 'string',
  pattern: '^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,32}|rgba?\\([0-9., %]{1,40}\\))$',
} as const;
/** A length in grid units: > 0. */
const unitLengthSchema = { type: 'number', exclusiveMinimum: 0, maximum: 100_000 } as const;
const angleSchema = { type: 'number', minimum: -1_000_000, maximum: 1_000_000 } as const;
const pointSchema = object({ x: coordSchema, y: coordSchema }, ['x', 'y']);
const visibilitySchema = { enum: ['gm', 'public'] } as const;
const pixelsSchema = { type: 'number', minimum: 0, maximum: 2 * coordSchema.maximum } as const;

const templateFields = {
  shape: { enum: ['circle', 'cone', 'line', 'rect'] },
  origin: pointSchema,
  size: unitLengthSchema,
  width: { anyOf: [unitLengthSchema, { type: 'null' }] },
  angle: angleSchema,
  aperture: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 180 },
  color: colorSchema,
  label: { anyOf: [nameSchema, { type: 'null' }] },
  visibility: visibilitySchema,
  flags: flagsSchema,
};

const drawingFields = {
  shape: { enum: ['freehand', 'rect', 'ellipse', 'polygon', 'line'] },
  x: coordSchema,
  y: coordSchema,
  width: pixelsSchema,
  height: pixelsSchema,
  points: { type: 'array', maxItems: DRAWING_LIMITS.maxPoints, items: pointSchema },
  rotation: angleSchema,
  strokeColor: colorSchema,
  strokeWidth: { type: 'number', minimum: 0, maximum: DRAWING_LIMITS.maxStrokeWidth },
  fillColor: { anyOf: [colorSchema, { type: 'null' }] },
  text: {
    anyOf: [{ type: 'string', maxLength: DRAWING_LIMITS.maxTextLength }, { type: 'null' }],
  },
  visibility: visibilitySchema,
  flags: flagsSchema,
};

/** Payload schemas of the template and drawing actions; part of `ACTION_SCHEMAS`. */
export const SCENE_MARK_ACTION_SCHEMAS: Readonly<Record<keyof SceneMarkActionMap, object>> = {
  'core:create-template': object({ id: idSchema, sceneId: idSchema, ...templateFields }, [
    'sceneId',
    'shape',
    'origin',
    'size',
  ]),
  'core:update-template': object({ templateId: idSchema, patch: patch(templateFields) }, [
    'templateId',
    'patch',
  ]),
  'core:delete-template': object({ templateId: idSchema }, ['templateId']),
  'core:create-drawing': object({ id: idSchema, sceneId: idSchema, ...drawingFields }, [
    'sceneId',
    'shape',
    'x',
    'y',
  ]),
  'core:update-drawing': object({ drawingId: idSchema, patch: patch(drawingFields) }, [
    'drawingId',
    'patch',
  ]),
  'core:delete-drawing': object({ drawingId: idSchema }, ['drawingId']),
};
