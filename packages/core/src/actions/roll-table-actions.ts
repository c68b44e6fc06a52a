/**
 * Deciding roll-table actions: GMs create, update, delete and reset tables;
 * `core:draw-table` rolls a table with the table's dice (the session's
 * seeded generator, recorded like every chat roll) and posts the result.
 */
import { drawRoll, type RollRecord, type RollResult } from '../dice/index.js';
import { VttError } from '../errors/vtt-error.js';
import type { EventDraft } from '../events/event-types.js';
import { mustExist } from '../events/helpers.js';
import type { Member } from '../model/documents.js';
import { defaultFormula, resultsFromInputs } from '../model/roll-table-ranges.js';
import {
  ROLL_TABLE_LIMITS,
  resultAt,
  rollTablesOf,
  type RollTable,
  type RollTableResult,
} from '../model/roll-tables.js';
import type { TableState } from '../model/state.js';
import { drawableTable, mustBeTableGm } from '../permissions/roll-table-rules.js';
import { rollTableVisible } from '../views/roll-table-visibility.js';
import { defineActionHandlers, type DecideContext } from './action-handler.js';
import { messageDraft } from './chat-actions.js';
import type { RollTableFields } from './roll-table-action-types.js';

/** The table a GM acts on; others are refused first (see `mustBeTableGm`). */
function tableOf(state: TableState, member: Member, id: string): RollTable {
  mustBeTableGm(state, member, id, true);
  return mustExist(rollTablesOf(state), 'rollTables', id);
}

/** The stored fields of an update: weights become ranges (see {@link RollTableFields}). */
function patchOf(table: RollTable, fields: RollTableFields): Partial<Omit<RollTable, 'id'>> {
  const { results, formula, ...rest } = fields;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) out[key] = value;
  if (formula !== undefined) out['formula'] = formula;
  if (results !== undefined) {
    const weightsOnly = results.every((r) => r.range === undefined);
    const rolled = formula ?? (weightsOnly ? defaultFormula(results) : table.formula);
    out['formula'] = rolled;
    out['results'] = resultsFromInputs(rolled, results);
  }
  return out as Partial<Omit<RollTable, 'id'>>;
}

/** One table drawn during a `core:draw-table`, at its nesting depth. */
interface DrawStep {
  readonly table: RollTable;
  readonly depth: number;
  /** Absent when the table had nothing left to draw. */
  readonly drawn?: Picked;
}

/** The result a roll picked, the total it stands for, and the roll. */
interface Picked {
  readonly index: number;
  readonly total: number;
  readonly roll: RollResult;
  readonly record: RollRecord;
}

/** Per table, the indices drawn before and during this draw (tables without replacement). */
type Marks = Map<string, Set<number>>;

const marksOf = (marks: Marks, table: RollTable): Set<number> => {
  let set = marks.get(table.id);
  if (set === undefined) {
    set = new Set(table.results.flatMap((r, i) => (r.drawn ? [i] : [])));
    marks.set(table.id, set);
  }
  return set;
};

/**
 * Which result a roll picks. With replacement, or when nothing is drawn
 * yet, the table's formula. Without replacement once results are drawn:
 * `1dR` over the R totals the undrawn results cover, the k-th of them in
 * range order; the same odds as rolling the one-die formula again until an
 * undrawn result comes up.
 */
function pick(ctx: DecideContext<unknown>, table: RollTable, drawn: ReadonlySet<number>): Picked {
  const remaining = table.results
    .map((r, index) => ({ r, index }))
    .filter(({ index }) => !drawn.has(index))
    .sort((a, b) => a.r.range[0] - b.r.range[0]);
  const whole = table.replacement || drawn.size === 0;
  const width = (r: RollTableResult) => r.range[1] - r.range[0] + 1;
  const notation = whole
    ? table.formula
    : `1d${remaining.reduce((sum, { r }) => sum + width(r), 0)}`;
  const { result: roll, record } = drawRoll(ctx.rng(), notation, { label: table.name });
  if (whole) {
    const found = resultAt(table, record.total);
    if (found === undefined)
      throw new Error(`roll table ${table.id} does not cover ${record.total}`);
    return { index: found.index, total: record.total, roll, record };
  }
  let k = record.total;
  for (const { r, index } of remaining) {
    if (k <= width(r)) return { index, total: r.range[0] + k - 1, roll, record };
    k -= width(r);
  }
  throw new Error(`roll table ${table.id}: ${record.total} beyond its undrawn results`);
}

/** Draws `table` and, below `maxDepth`, the nested tables `member` sees, into `steps`. */
function drawInto(
  ctx: DecideContext<unknown>,
  table: RollTable,
  depth: number,
  marks: Marks,
  steps: DrawStep[],
): void {
  const drawn = table.replacement ? new Set<number>() : marksOf(marks, table);
  if (drawn.size === table.results.length) {
    if (depth === 0) throw new VttError('VTT_ERR_ROLLTABLE_EXHAUSTED', { tableId: table.id });
    steps.push({ table, depth });
    return;
  }
  const chosen = pick(ctx, table, drawn);
  if (!table.replacement) drawn.add(chosen.index);
  steps.push({ table, depth, drawn: chosen });
  const nestedId = table.results[chosen.index]!.tableId;
  if (nestedId === null || depth >= ROLL_TABLE_LIMITS.maxDepth) return;
  const nested = rollTablesOf(ctx.state).get(nestedId);
  if (nested !== undefined && rollTableVisible(nested, ctx.member))
    drawInto(ctx, nested, depth + 1, marks, steps);
}

/** Longest result text one line of a draw's chat message carries. */
const MAX_LINE_TEXT = 2_000;

/** The Markdown of a draw: one line per table drawn, nested ones quoted one level deeper. */
function drawText(steps: readonly DrawStep[]): string {
  return steps
    .map(({ table, depth, drawn }) => {
      const quote = depth === 0 ? '' : `${'>'.repeat(depth)} `;
      if (drawn === undefined) return `${quote}**${table.name}**: every result has been drawn.`;
      const result = table.results[drawn.index]!;
      const text =
        result.text.length > MAX_LINE_TEXT
          ? `${result.text.slice(0, MAX_LINE_TEXT)}…`
          : result.text;
      const c = result.compendium;
      const source = c === null ? '' : ` (compendium: ${c.module}/${c.pack}/${c.entry})`;
      return `${quote}**${table.name}** (${drawn.record.notation}: ${drawn.total}): ${text}${source}`;
    })
    .join('\n');
}

/** Handlers of the roll-table actions. */
export const ROLL_TABLE_ACTIONS = defineActionHandlers({
  'core:create-roll-table': ({ state, member, payload: p, newId }) => {
    mustBeTableGm(state, member, p.id ?? '', false);
    const formula = p.formula ?? defaultFormula(p.results);
    const table: RollTable = {
      id: newId((id) => rollTablesOf(state).has(id), 'table', p.id, 'rollTables'),
      name: p.name,
      formula,
      results: resultsFromInputs(formula, p.results),
      replacement: p.replacement ?? true,
      visibility: p.visibility ?? 'gm',
      folderId: p.folderId ?? null,
      flags: p.flags ?? {},
    };
    return [{ type: 'core:roll-table-created', payload: { table } }];
  },
  'core:update-roll-table': ({ state, member, payload }) => {
    const table = tableOf(state, member, payload.tableId);
    const patch = patchOf(table, payload.patch);
    return [{ type: 'core:roll-table-updated', payload: { tableId: table.id, patch } }];
  },
  'core:delete-roll-table': ({ state, member, payload }) => {
    tableOf(state, member, payload.tableId);
    return [{ type: 'core:roll-table-deleted', payload }];
  },
  'core:reset-roll-table': ({ state, member, payload }) => {
    tableOf(state, member, payload.tableId);
    return [{ type: 'core:roll-table-reset', payload }];
  },
  'core:draw-table': (ctx) => {
    const { state, member, payload } = ctx;
    const table = drawableTable(state, member, payload.tableId);
    if (payload.whisper === true && member.role !== 'gm')
      throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
        collection: 'rollTables',
        what: 'whisper a draw; players draw in the open',
      });
    const marks: Marks = new Map();
    const steps: DrawStep[] = [];
    drawInto(ctx, table, 0, marks, steps);
    const drafts: EventDraft[] = [];
    const added = new Map<string, number[]>();
    for (const step of steps) {
      if (step.drawn === undefined || step.table.replacement) continue;
      const list = added.get(step.table.id) ?? [];
      list.push(step.drawn.index);
      added.set(step.table.id, list);
    }
    for (const [tableId, results] of added)
      drafts.push({ type: 'core:roll-table-drawn', payload: { tableId, results } });
    const records = steps.flatMap((s) => (s.drawn === undefined ? [] : [s.drawn.record]));
    const first = steps[0]!.drawn!;
    const gms =
      payload.whisper === true ? [...state.members.values()].filter((m) => m.role === 'gm') : [];
    const message = messageDraft(ctx, {
      text: drawText(steps),
      roll: first.roll,
      whisper: gms.map((m) => m.id),
      verified: { by: 'core', rolls: records },
    });
    drafts.push({ ...message, server: { rng: ctx.rng().state() } });
    return drafts;
  },
});
