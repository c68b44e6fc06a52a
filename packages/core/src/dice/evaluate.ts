import { VttError } from '../errors/vtt-error.js';
import type { CallNode, DiceNode, PoolNode } from './ast.js';
import { formatDice, formatLabel, formatNumber, formatPool, wrap } from './format.js';
import { formatValue, renderDice } from './render.js';
import type { PoolGroupResult, PoolTermResult, TermResult } from './result.js';
import { rollDiceTerm, type RollContext } from './roll-term.js';
import { countOutcomes, droppedByKeep } from './select.js';

/** The value of a node and its breakdown text. */
export interface Evaluated {
  readonly value: number;
  readonly text: string;
}

/** -0 becomes 0, so results compare and serialise plainly; infinities are refused. */
function settled(value: number): number {
  if (!Number.isFinite(value)) throw new VttError('VTT_ERR_DICE_NUMBER_TOO_LARGE');
  return value === 0 ? 0 : value;
}

/**
 * Evaluates a parsed expression, drawing dice from `ctx.source` and
 * collecting dice and pool terms into `ctx.terms`. Returns the value and the
 * breakdown text (without the trailing `= total`).
 */
export function evaluate(node: DiceNode, ctx: RollContext): Evaluated {
  switch (node.type) {
    case 'number':
      return { value: node.value, text: formatNumber(node.value) + formatLabel(node.label) };
    case 'dice': {
      const term = rollDiceTerm(node, ctx);
      ctx.terms.push(term);
      return {
        value: term.value,
        text: `${term.notation}${formatLabel(node.label)} ${renderDice(term.dice)}`,
      };
    }
    case 'pool':
      return evaluatePool(node, ctx);
    case 'negate': {
      const operand = evaluate(node.operand, ctx);
      return {
        value: settled(0 - operand.value),
        text: `-${wrap('negate', node.operand, operand.text)}`,
      };
    }
    case 'sum':
    case 'product': {
      const first = evaluate(node.first, ctx);
      let value = first.value;
      let text = wrap(node.type, node.first, first.text);
      for (const { op, operand } of node.rest) {
        const right = evaluate(operand, ctx);
        if (op === '+') value += right.value;
        else if (op === '-') value -= right.value;
        else if (op === '*') value *= right.value;
        else if (right.value === 0) throw new VttError('VTT_ERR_DICE_DIVISION_BY_ZERO');
        else value /= right.value;
        value = settled(value);
        text += ` ${op} ${wrap(node.type, operand, right.text)}`;
      }
      return { value, text };
    }
    case 'call': {
      const arg = evaluate(node.arg, ctx);
      return { value: settled(applyFunction(node.fn, arg.value)), text: `${node.fn}(${arg.text})` };
    }
  }
}

function applyFunction(fn: CallNode['fn'], value: number): number {
  switch (fn) {
    case 'floor':
      return Math.floor(value);
    case 'ceil':
      return Math.ceil(value);
    case 'round':
      return Math.sign(value) * Math.round(Math.abs(value));
    case 'abs':
      return Math.abs(value);
  }
}

const poolNotations = new WeakMap<PoolNode, { pool: string; groups: string[] }>();
const always = (): boolean => true;

function evaluatePool(node: PoolNode, ctx: RollContext): Evaluated {
  let notations = poolNotations.get(node);
  if (notations === undefined) {
    const groupNotations = node.groups.map(formatDice);
    notations = { pool: formatPool(node, groupNotations), groups: groupNotations };
    poolNotations.set(node, notations);
  }
  const outer = ctx.terms;
  const groups: { -readonly [K in keyof PoolGroupResult]: PoolGroupResult[K] }[] = [];
  const texts: string[] = [];
  for (let i = 0; i < node.groups.length; i++) {
    const group = node.groups[i]!;
    const terms: TermResult[] = [];
    ctx.terms = terms;
    const evaluated = evaluate(group, ctx);
    texts.push(evaluated.text);
    groups.push({
      notation: notations.groups[i]!,
      value: evaluated.value,
      dropped: false,
      success: false,
      failure: false,
      terms,
    });
  }
  ctx.terms = outer;

  const m = node.modifiers;
  if (m.keep !== undefined) {
    const dropped = droppedByKeep(
      groups.map((group) => group.value),
      m.keep,
    );
    groups.forEach((group, i) => (group.dropped = dropped[i]!));
  }
  const outcome = countOutcomes(groups, always, m.success, m.failure);

  const term = { type: 'pool', notation: notations.pool } as {
    -readonly [K in keyof PoolTermResult]: PoolTermResult[K];
  };
  if (node.label !== undefined) term.label = node.label;
  term.value = outcome.value;
  if (outcome.counting) {
    term.successes = outcome.successes;
    term.failures = outcome.failures;
  }
  term.groups = groups;
  ctx.terms.push(term);

  const values = groups.map((group) => {
    let out = formatValue(group.value);
    if (group.dropped) out += 'd';
    if (group.success) out += '*';
    if (group.failure) out += 'f';
    return out;
  });
  const head = formatPool(node, texts) + formatLabel(node.label);
  return { value: outcome.value, text: `${head} [${values.join(', ')}]` };
}
