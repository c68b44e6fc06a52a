/**
 * fast-check arbitraries of measured template and drawing actions over
 * small id pools, for the projection property tests. The GM-only template
 * `gt-1` and drawing `gd-1` carry {@link MARK_MARKER} and are never made
 * public, so neither the marker nor their ids may reach a non-GM.
 */
import fc from 'fast-check';
import type { TableAction } from '../src/actions/action-types.js';

/** Text only the GM-only template and drawing contain. */
export const MARK_MARKER = 'MARKSECRET';

const SCENES = ['s1', 's2'];
const TEMPLATES = ['tp1', 'tp2'];
const DRAWINGS = ['dr1', 'dr2'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const action = <T extends TableAction['type']>(type: T, payload: fc.Arbitrary<unknown>) =>
  payload.map((p) => ({ type, payload: p }) as TableAction);
const coord = fc.integer({ min: 0, max: 8 }).map((n) => n * 50);
const point = fc.record({ x: coord, y: coord });
const shape = pick(['circle', 'cone', 'line', 'rect'] as const);
const size = pick([5, 15, 20, 30]);
const angle = fc.integer({ min: -360, max: 720 });
const visibility = pick(['gm', 'public'] as const);
const flags = { pub: { shown: 'public flag' } };

/** A drawing's shape with points that fit it. */
const drawingShape = fc.oneof(
  fc.record({
    shape: fc.constant('freehand' as const),
    points: fc.array(point, { minLength: 2, maxLength: 5 }),
  }),
  fc.record({
    shape: pick(['rect', 'ellipse'] as const),
    width: pick([50, 100]),
    height: pick([50, 100]),
  }),
  fc.record({
    shape: fc.constant('polygon' as const),
    points: fc.array(point, { minLength: 3, maxLength: 4 }),
  }),
  fc.record({
    shape: fc.constant('line' as const),
    points: fc.array(point, { minLength: 2, maxLength: 2 }),
  }),
);

/** What GMs do with templates and drawings: public or GM-only, without the marker. */
export const markActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-template',
    fc
      .record({ id: pick(TEMPLATES), sceneId: pick(SCENES), shape, origin: point, size, angle })
      .chain((p) => visibility.map((v) => ({ ...p, visibility: v, label: 'Fireball', flags }))),
  ),
  action(
    'core:update-template',
    fc.record({
      templateId: pick(TEMPLATES),
      patch: fc.oneof(
        fc.record({ visibility }),
        fc.record({ origin: point, angle }),
        fc.record({ size }),
        fc.record({ shape }),
      ),
    }),
  ),
  action('core:delete-template', fc.record({ templateId: pick([...TEMPLATES, 'gt-1']) })),
  action(
    'core:create-drawing',
    fc
      .record({ id: pick(DRAWINGS), sceneId: pick(SCENES), x: coord, y: coord, visibility })
      .chain((p) => drawingShape.map((s) => ({ ...p, ...s, text: 'Here be dragons', flags }))),
  ),
  action(
    'core:update-drawing',
    fc.record({
      drawingId: pick(DRAWINGS),
      patch: fc.oneof(
        fc.record({ visibility }),
        fc.record({ x: coord, y: coord }),
        fc.record({ fillColor: fc.constantFrom('#ff0000', null) }),
        drawingShape,
      ),
    }),
  ),
  action('core:delete-drawing', fc.record({ drawingId: pick([...DRAWINGS, 'gd-1']) })),
);

/** What players do: place public marks, move and remove them (their own, or fail). */
export const playerMarkActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-template',
    fc.record({ id: pick(TEMPLATES), sceneId: pick(SCENES), shape, origin: point, size, angle }),
  ),
  action(
    'core:update-template',
    fc.record({
      templateId: pick([...TEMPLATES, 'gt-1']),
      patch: fc.oneof(fc.record({ origin: point }), fc.record({ visibility })),
    }),
  ),
  action('core:delete-template', fc.record({ templateId: pick([...TEMPLATES, 'gt-1']) })),
  action(
    'core:create-drawing',
    fc
      .record({ id: pick(DRAWINGS), sceneId: pick(SCENES), x: coord, y: coord })
      .chain((p) => drawingShape.map((s) => ({ ...p, ...s }))),
  ),
  action(
    'core:update-drawing',
    fc.record({
      drawingId: pick([...DRAWINGS, 'gd-1']),
      patch: fc.oneof(fc.record({ x: coord }), fc.record({ text: fc.constant('mine') })),
    }),
  ),
  action('core:delete-drawing', fc.record({ drawingId: pick([...DRAWINGS, 'gd-1']) })),
);

/** The GM's secret marks: `gt-1` and `gd-1`, GM-only, the marker in every text field. */
export const gmSecretMarkActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-template',
    fc.record({ sceneId: pick(SCENES), shape, origin: point, size, angle }).map((p) => ({
      ...p,
      id: 'gt-1',
      label: `${MARK_MARKER} trap`,
      visibility: 'gm' as const,
      flags: { pub: { shown: `${MARK_MARKER} flag` } },
    })),
  ),
  action(
    'core:update-template',
    fc.record({ origin: point, size }).map((patch) => ({ templateId: 'gt-1', patch })),
  ),
  action(
    'core:create-drawing',
    fc
      .record({ sceneId: pick(SCENES), x: coord, y: coord })
      .chain((p) => drawingShape.map((s) => ({ ...p, ...s })))
      .map((p) => ({
        ...p,
        id: 'gd-1',
        text: `${MARK_MARKER} ambush`,
        visibility: 'gm' as const,
      })),
  ),
  action(
    'core:update-drawing',
    fc.record({ x: coord, y: coord }).map((patch) => ({ drawingId: 'gd-1', patch })),
  ),
);
