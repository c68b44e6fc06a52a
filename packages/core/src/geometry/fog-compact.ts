/**
 * Shrinking a scene's fog op list without changing what it reveals, and
 * bounding it by {@link FOG_LIMITS}.
 */
import { FOG_LIMITS, type FogLimits } from './fog-limits.js';
import type { FogOp, FogShape, FogState } from './fog-types.js';

/** The work one op costs {@link isPointRevealed}: its cells or corners, 1 for `all`. */
function opSize(shape: FogShape): number {
  switch (shape.kind) {
    case 'cells':
      return shape.cells.length;
    case 'polygon':
      return shape.points.length;
    default:
      return 1;
  }
}

/** The ops from the last `all` on: it covers everything, so nothing earlier can decide. */
function fromLastAll(ops: readonly FogOp[]): readonly FogOp[] {
  for (let i = ops.length - 1; i >= 0; i--) {
    if (ops[i]!.shape.kind === 'all') return ops.slice(i);
  }
  return ops;
}

/**
 * Drops what a later op covers too: a cell listed by a later `cells` op (or
 * earlier in the same op), a polygon identical to a later one, shapes that
 * cover nothing (no cells, fewer than 3 corners).
 */
function dropShadowed(ops: readonly FogOp[]): FogOp[] {
  const laterCells = new Set<string>();
  const laterPolygons = new Set<string>();
  const kept: FogOp[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    const shape = op.shape;
    if (shape.kind === 'cells') {
      const cells = shape.cells.filter((cell) => {
        const key = `${cell.q},${cell.r}`;
        if (laterCells.has(key)) return false;
        laterCells.add(key);
        return true;
      });
      if (cells.length === shape.cells.length) kept.push(op);
      else if (cells.length > 0) kept.push({ mode: op.mode, shape: { kind: 'cells', cells } });
    } else if (shape.kind === 'polygon') {
      if (shape.points.length < 3) continue;
      const key = shape.points.map((p) => `${p.x},${p.y}`).join(';');
      if (laterPolygons.has(key)) continue;
      laterPolygons.add(key);
      kept.push(op);
    } else {
      kept.push(op);
    }
  }
  return kept.reverse();
}

/**
 * Joins neighbouring `cells` ops of the same mode, up to `maxCells` per op.
 * After {@link dropShadowed} their cells are disjoint, so order within does not matter.
 */
function mergeAdjacentCells(ops: readonly FogOp[], maxCells: number): FogOp[] {
  const merged: FogOp[] = [];
  for (const op of ops) {
    const prev = merged[merged.length - 1];
    if (
      prev !== undefined &&
      prev.mode === op.mode &&
      prev.shape.kind === 'cells' &&
      op.shape.kind === 'cells' &&
      prev.shape.cells.length + op.shape.cells.length <= maxCells
    ) {
      const cells = [...prev.shape.cells, ...op.shape.cells];
      merged[merged.length - 1] = { mode: op.mode, shape: { kind: 'cells', cells } };
    } else {
      merged.push(op);
    }
  }
  return merged;
}

/**
 * Drops leading ops that repeat what is already the case before them: with no
 * `all` first, `hide` ops (unfogged points are hidden anyway); after an
 * `all`, ops of its mode; and a leading `hide` `all` itself.
 */
function dropLeadingNoOps(ops: readonly FogOp[]): readonly FogOp[] {
  const first = ops[0];
  if (first === undefined) return ops;
  const baseIsAll = first.shape.kind === 'all';
  const base = baseIsAll ? first.mode : 'hide';
  let i = baseIsAll ? 1 : 0;
  while (i < ops.length && ops[i]!.mode === base) i++;
  if (baseIsAll && base === 'reveal') return i === 1 ? ops : [first, ...ops.slice(i)];
  return i === 0 ? ops : ops.slice(i);
}

/** Drops the oldest ops until the list fits `limits`; this only ever hides more. */
function capOldest(ops: readonly FogOp[], limits: FogLimits): readonly FogOp[] {
  let total = 0;
  for (const op of ops) total += opSize(op.shape);
  let start = 0;
  while (ops.length - start > limits.maxOps || total > limits.maxTotalSize) {
    total -= opSize(ops[start]!.shape);
    start++;
  }
  return start === 0 ? ops : ops.slice(start);
}

/**
 * Returns an equivalent, smaller fog: every point (and cell) is revealed in
 * the result exactly when it is in `fog`, and `enabled` is kept. It drops
 * every op before the last `all`, cells that a later `cells` op lists again,
 * polygons repeated later, empty shapes, leading ops that change nothing
 * (e.g. `hide` ops before anything was revealed), and joins neighbouring
 * `cells` ops of one mode (up to `limits.maxCellsPerShape` cells).
 *
 * If the result still exceeds `limits.maxOps` or `limits.maxTotalSize`, the
 * oldest ops are dropped until it fits. That step is lossy but fails closed:
 * it can hide areas that were revealed, never reveal hidden ones.
 *
 * Run it in the reducer after appending a fog op. Does not validate shapes
 * (see {@link validateFogShape}); never mutates `fog`; the result may share
 * op objects with it.
 *
 * @example
 * compactFog({
 *   enabled: true,
 *   ops: [
 *     { mode: 'reveal', shape: { kind: 'cells', cells: [{ q: 0, r: 0 }] } },
 *     { mode: 'hide', shape: { kind: 'all' } },
 *     { mode: 'reveal', shape: { kind: 'cells', cells: [{ q: 1, r: 0 }] } },
 *   ],
 * });
 * // { enabled: true, ops: [{ mode: 'reveal', shape: { kind: 'cells', cells: [{ q: 1, r: 0 }] } }] }
 */
export function compactFog(fog: FogState, limits: FogLimits = FOG_LIMITS): FogState {
  const lossless = dropLeadingNoOps(
    mergeAdjacentCells(dropShadowed(fromLastAll(fog.ops)), limits.maxCellsPerShape),
  );
  return { enabled: fog.enabled, ops: [...dropLeadingNoOps(capOldest(lossless, limits))] };
}
