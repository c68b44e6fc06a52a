/**
 * fast-check arbitraries of roll-table actions over small id pools, for the
 * projection property tests. The GM-only table `grt-1` carries
 * {@link ROLL_TABLE_MARKER}, is never made public, and is drawn by GMs only
 * whispered; the public table `rtn`, which the generator never changes,
 * nests it, so players' draws of `rtn` must not follow into it and their
 * views of `rtn` must not name it.
 */
import fc from 'fast-check';
import type { TableAction } from '../src/actions/action-types.js';
import type { TableState } from '../src/model/state.js';
import { run, USERS } from './table-fixture.js';

/** Text only the GM-only roll table contains. */
export const ROLL_TABLE_MARKER = 'ROLLTABLESECRET';

const TABLES = ['rt1', 'rt2', 'rt3'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const action = <T extends TableAction['type']>(type: T, payload: fc.Arbitrary<unknown>) =>
  payload.map((p) => ({ type, payload: p }) as TableAction);

const results = fc.array(
  fc.record({
    weight: fc.integer({ min: 1, max: 2 }),
    tableId: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, pick(TABLES)),
  }),
  { minLength: 1, maxLength: 3 },
);
const texts = (rs: readonly { weight: number; tableId: string | null }[]) =>
  rs.map((r, i) => ({ ...r, text: `Result ${i}` }));

/** What GMs do with roll tables. */
export const rollTableActions: fc.Arbitrary<TableAction> = fc.oneof(
  action(
    'core:create-roll-table',
    fc
      .record({
        id: pick(TABLES),
        visibility: pick(['gm', 'public'] as const),
        replacement: fc.boolean(),
        results,
        folderId: fc.oneof(fc.constant(null), pick(['f1', 'gf-1'])),
      })
      .map((p) => ({ ...p, name: `Table ${p.id}`, results: texts(p.results) })),
  ),
  action(
    'core:update-roll-table',
    fc.record({
      tableId: pick(TABLES),
      patch: fc.oneof(
        fc.record({ visibility: pick(['gm', 'public'] as const) }),
        fc.record({ replacement: fc.boolean() }),
        results.map((rs) => ({ results: texts(rs) })),
      ),
    }),
  ),
  action('core:delete-roll-table', fc.record({ tableId: pick(TABLES) })),
  action('core:reset-roll-table', fc.record({ tableId: pick([...TABLES, 'rtn', 'grt-1']) })),
  action('core:draw-table', fc.record({ tableId: pick(TABLES), whisper: fc.boolean() })),
  action(
    'core:draw-table',
    fc.record({ tableId: pick(['rtn', 'grt-1']), whisper: fc.constant(true) }),
  ),
  action(
    'core:update-roll-table',
    fc.constant({ tableId: 'grt-1', patch: { name: `${ROLL_TABLE_MARKER} renamed` } }),
  ),
);

/** What players try with roll tables: draws (GM-only ones refused) and GM-only changes. */
export const playerRollTableActions: fc.Arbitrary<TableAction> = fc.oneof(
  action('core:draw-table', fc.record({ tableId: pick([...TABLES, 'rtn', 'grt-1']) })),
  action('core:reset-roll-table', fc.record({ tableId: pick([...TABLES, 'rtn']) })),
  action(
    'core:update-roll-table',
    fc.record({ tableId: pick([...TABLES, 'grt-1']), patch: fc.constant({ name: 'Mine' }) }),
  ),
);

/**
 * `state` with roll tables: the public `rt1` (drawn without replacement),
 * the GM's `grt-1` and the public `rtn` that nests it, so random steps draw
 * from the start.
 */
export function withRollTables(state: TableState): TableState {
  let s = state;
  const gm = (type: TableAction['type'], payload: unknown) => {
    s = run(s, USERS.gm, type, payload as never).state;
  };
  gm('core:create-roll-table', {
    id: 'rt1',
    name: 'Table rt1',
    visibility: 'public',
    replacement: false,
    results: [
      { weight: 1, text: 'One' },
      { weight: 2, text: 'Two' },
    ],
  });
  gm('core:create-roll-table', {
    id: 'grt-1',
    name: `${ROLL_TABLE_MARKER} hoard`,
    replacement: false,
    results: [
      { weight: 1, text: `${ROLL_TABLE_MARKER} egg` },
      { weight: 1, text: `${ROLL_TABLE_MARKER} crown`, tableId: 'rt1' },
    ],
  });
  gm('core:create-roll-table', {
    id: 'rtn',
    name: 'Table rtn',
    visibility: 'public',
    results: [
      { weight: 1, text: 'Plain' },
      { weight: 1, text: 'Deeper', tableId: 'grt-1' },
    ],
  });
  return s;
}
