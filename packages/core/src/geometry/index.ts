/**
 * Grid and fog-of-war geometry: the area's internal barrel, imported by the
 * table model (`../geometry/index.js`) and re-exported by `src/index.ts`.
 * The allocation-free primitives (`cellQAt`, `cellCenterX`, ...) stay internal.
 */
export { cellsInPolygon, cellsInRadius, MAX_AREA_CELLS } from './cell-areas.js';
export { gridDistance, measure } from './distance.js';
export { compactFog } from './fog-compact.js';
export { FOG_LIMITS, validateFogShape } from './fog-limits.js';
export type { FogLimits } from './fog-limits.js';
export { defaultFog, FOG_MODES, FOG_SHAPE_KINDS } from './fog-types.js';
export type { FogMode, FogOp, FogShape, FogShapeKind, FogState } from './fog-types.js';
export { isCellRevealed, isPointRevealed } from './fog.js';
export { cellAt, cellCenter, cellPolygon, neighbours } from './grid.js';
export { defaultGrid, DIAGONAL_RULES, GRID_TYPES, validateGrid } from './grid-types.js';
export type { Cell, DiagonalRule, DistanceOptions, Grid, GridType, Point } from './grid-types.js';
export { pointInPolygon } from './polygon.js';
