/**
 * What makes a roll table drawable: a formula of plain dice and whole
 * numbers, and result ranges that cover each of its totals exactly once.
 * Weights become ranges here, so a table is stored, drawn and checked by
 * its ranges alone. Shared by the create/update events and by the
 * validation of roll-table compendium packs.
 */
import type { DiceNode } from '../dice/ast.js';
import { parseDice } from '../dice/parse.js';
import type { ErrorCode } from '../errors/codes.js';
import { isVttError, type ErrorParams } from '../errors/vtt-error.js';
import type { DocMap } from './doc-map.js';
import {
  ROLL_TABLE_LIMITS,
  type RollTable,
  type RollTableResult,
  type RollTableResultInput,
} from './roll-tables.js';

/** The lowest and highest total of a table formula, and how many dice it rolls. */
export interface FormulaSpan {
  readonly min: number;
  readonly max: number;
  readonly dice: number;
}

/** One reason a table cannot be drawn: an error code, its parameters, and where (`/results/2/range`). */
export interface RollTableProblem {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** JSON pointer into the table (or pack entry `data`). */
  readonly pointer: string;
}

const PLAIN = "Use a sum of plain dice and whole numbers, such as '1d8', '2d6' or '1d10+2'.";

class Unfit extends Error {}

function spanOf(node: DiceNode): FormulaSpan {
  switch (node.type) {
    case 'number':
      if (!Number.isInteger(node.value)) throw new Unfit('it adds a number that is not whole');
      return { min: node.value, max: node.value, dice: 0 };
    case 'dice':
      if (node.sides === 'F' || Object.keys(node.modifiers).length > 0)
        throw new Unfit('it rolls dice with modifiers or Fudge dice');
      return { min: node.count, max: node.count * node.sides, dice: node.count };
    case 'negate': {
      const s = spanOf(node.operand);
      return { min: -s.max, max: -s.min, dice: s.dice };
    }
    case 'sum': {
      let acc = spanOf(node.first);
      for (const { op, operand } of node.rest) {
        const s = spanOf(operand);
        acc =
          op === '+'
            ? { min: acc.min + s.min, max: acc.max + s.max, dice: acc.dice + s.dice }
            : { min: acc.min - s.max, max: acc.max - s.min, dice: acc.dice + s.dice };
      }
      return acc;
    }
    default:
      throw new Unfit(
        `it uses ${node.type === 'pool' ? 'a dice pool' : 'multiplication or functions'}`,
      );
  }
}

/**
 * The span of `formula`, or the problem that keeps it from being a table
 * formula (not dice notation, modifiers, pools, products, more than
 * `ROLL_TABLE_LIMITS.maxDice` dice or a span wider than `maxSpan`).
 *
 * @example
 * formulaSpan('2d6'); // { min: 2, max: 12, dice: 2 }
 */
export function formulaSpan(
  formula: string,
): FormulaSpan | { readonly problem: string; readonly fix: string } {
  try {
    const span = spanOf(parseDice(formula));
    if (span.dice === 0) return { problem: 'it rolls no dice', fix: PLAIN };
    if (span.dice > ROLL_TABLE_LIMITS.maxDice)
      return { problem: `it rolls more than ${ROLL_TABLE_LIMITS.maxDice} dice`, fix: PLAIN };
    if (span.max - span.min + 1 > ROLL_TABLE_LIMITS.maxSpan)
      return {
        problem: `its totals span more than ${ROLL_TABLE_LIMITS.maxSpan} values`,
        fix: 'Use fewer or smaller dice.',
      };
    return span;
  } catch (error) {
    if (error instanceof Unfit) return { problem: error.message, fix: PLAIN };
    if (isVttError(error)) return { problem: error.message, fix: PLAIN };
    throw error;
  }
}

const widthOf = (r: RollTableResultInput) =>
  r.weight ?? (r.range === undefined ? 1 : r.range[1] - r.range[0] + 1);

/**
 * The formula a table without one rolls: `1dN` with N the sum of the
 * results' weights (a range counting its width).
 *
 * @example
 * defaultFormula([{ weight: 3, text: 'Rain' }, { weight: 1, text: 'Snow' }]); // '1d4'
 */
export function defaultFormula(inputs: readonly RollTableResultInput[]): string {
  return `1d${Math.max(
    1,
    inputs.reduce((sum, r) => sum + widthOf(r), 0),
  )}`;
}

/**
 * The results of `inputs` with ranges: a result given a `weight` takes the
 * next `weight` totals after the one before it (the first from the
 * formula's lowest total), so weights 3, 1 on 1d4 are [1, 3] and [4, 4].
 * Nothing drawn yet.
 *
 * @example
 * resultsFromInputs('1d4', [{ weight: 3, text: 'Rain' }, { weight: 1, text: 'Snow' }]);
 */
export function resultsFromInputs(
  formula: string,
  inputs: readonly RollTableResultInput[],
): RollTableResult[] {
  const span = formulaSpan(formula);
  let next = 'min' in span ? span.min : 1;
  return inputs.map((input) => {
    const range: readonly [number, number] = input.range ?? [next, next + (input.weight ?? 1) - 1];
    next = range[1] + 1;
    return {
      range: [range[0], range[1]],
      text: input.text,
      tableId: input.tableId ?? null,
      compendium: input.compendium ?? null,
      drawn: false,
    };
  });
}

const totals = (lo: number, hi: number) => (lo === hi ? `${lo}` : `${lo} to ${hi}`);

/**
 * Every reason `table` cannot be drawn: its formula (a table drawn without
 * replacement needs a formula of one die, whose totals are equally likely),
 * ranges reversed or outside the formula's totals, totals no result covers
 * and totals two results cover. Empty when the table is drawable.
 *
 * @example
 * rollTableProblems({ id: 't', formula: '1d6', replacement: true, results })[0]?.code;
 * // 'VTT_ERR_ROLLTABLE_RANGE_GAP'
 */
export function rollTableProblems(
  table: Pick<RollTable, 'id' | 'formula' | 'replacement'> & {
    readonly results: readonly Pick<RollTableResult, 'range'>[];
  },
): RollTableProblem[] {
  const tableId = table.id;
  const formula = table.formula;
  const span = formulaSpan(formula);
  if (!('min' in span))
    return [
      {
        code: 'VTT_ERR_ROLLTABLE_FORMULA',
        pointer: '/formula',
        params: { formula, tableId, ...span },
      },
    ];
  if (!table.replacement && span.dice > 1) {
    const problem = 'a table drawn without replacement needs a formula of one die';
    const fix = `Roll one die over the results, e.g. '1d${span.max - span.min + 1}', or draw with replacement.`;
    return [
      {
        code: 'VTT_ERR_ROLLTABLE_FORMULA',
        pointer: '/formula',
        params: { formula, tableId, problem, fix },
      },
    ];
  }
  const { min, max } = span;
  const out: RollTableProblem[] = [];
  const inside: number[] = [];
  table.results.forEach((r, index) => {
    const [lo, hi] = r.range;
    if (lo > hi || lo < min || hi > max) {
      out.push({
        code: 'VTT_ERR_ROLLTABLE_RANGE_OUTSIDE',
        pointer: `/results/${index}/range`,
        params: { tableId, index, range: `[${lo}, ${hi}]`, formula, min, max },
      });
    } else inside.push(index);
  });
  const order = inside.sort(
    (a, b) => table.results[a]!.range[0] - table.results[b]!.range[0] || a - b,
  );
  let next = min;
  let widest = -1;
  for (const index of order) {
    const [lo, hi] = table.results[index]!.range;
    if (lo > next) {
      out.push({
        code: 'VTT_ERR_ROLLTABLE_RANGE_GAP',
        pointer: `/results/${index}/range`,
        params: { tableId, gap: totals(next, lo - 1), formula, min, max },
      });
    } else if (lo < next && widest >= 0) {
      out.push({
        code: 'VTT_ERR_ROLLTABLE_RANGE_OVERLAP',
        pointer: `/results/${index}/range`,
        params: {
          tableId,
          first: Math.min(widest, index),
          second: Math.max(widest, index),
          overlap: totals(lo, Math.min(hi, next - 1)),
        },
      });
    }
    if (hi + 1 > next) {
      next = hi + 1;
      widest = index;
    }
  }
  if (next <= max) {
    out.push({
      code: 'VTT_ERR_ROLLTABLE_RANGE_GAP',
      pointer: '/results',
      params: { tableId, gap: totals(next, max), formula, min, max },
    });
  }
  return out;
}

/**
 * The loop of nested tables `table` would close among `tables`, as ids from
 * `table.id` back to it, or null: following results' `tableId` from `table`
 * (as it would be) must never lead back to it.
 *
 * @example
 * tableCycle(state.rollTables, { id: 'a', results: [{ tableId: 'b' }] }); // ['a', 'b', 'a'] when b draws a
 */
export function tableCycle(
  tables: DocMap<RollTable>,
  table: { readonly id: string; readonly results: readonly Pick<RollTableResult, 'tableId'>[] },
): string[] | null {
  const done = new Set<string>();
  const walk = (
    results: readonly Pick<RollTableResult, 'tableId'>[],
    path: string[],
  ): string[] | null => {
    for (const { tableId } of results) {
      if (tableId === null) continue;
      if (tableId === table.id) return [...path, tableId];
      if (done.has(tableId)) continue;
      done.add(tableId);
      const nested = tables.get(tableId);
      const found = nested === undefined ? null : walk(nested.results, [...path, tableId]);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(table.results, [table.id]);
}
