import type {
  DiceCompare,
  DiceModifiers,
  DiceNode,
  DiceTermNode,
  PoolModifiers,
  PoolNode,
} from './ast.js';

/**
 * Turns a tree from {@link parseDice} back into canonical notation: counts
 * always written (`d20` -> `1d20`), `d%` as `1d100`, `k` as `kh1`, lowercase,
 * modifiers in one fixed order (rerolls, explode, min, max, keep/drop,
 * success, failure), spaces around operators, and only the parentheses the
 * tree needs. `parseDice(formatDice(tree))` gives the same tree back. Pure.
 *
 * @example
 * formatDice(parseDice('D20 +5'));         // '1d20 + 5'
 * formatDice(parseDice('4d6kh3r1'));       // '4d6r1kh3'
 * formatDice(parseDice('((1d6))*(2+3)'));  // '1d6 * (2 + 3)'
 */
export function formatDice(node: DiceNode): string {
  switch (node.type) {
    case 'number':
      return formatNumber(node.value) + formatLabel(node.label);
    case 'dice':
      return formatDiceTerm(node) + formatLabel(node.label);
    case 'pool':
      return formatPool(node, node.groups.map(formatDice)) + formatLabel(node.label);
    case 'negate':
      return `-${wrap('negate', node.operand, formatDice(node.operand))}`;
    case 'sum':
    case 'product': {
      let out = wrap(node.type, node.first, formatDice(node.first));
      for (const { op, operand } of node.rest) {
        out += ` ${op} ${wrap(node.type, operand, formatDice(operand))}`;
      }
      return out;
    }
    case 'call':
      return `${node.fn}(${formatDice(node.arg)})`;
  }
}

/** True when `child`, written inside a `parent` node, needs parentheses to keep the tree's shape. */
export function needsParens(parent: 'sum' | 'product' | 'negate', child: DiceNode): boolean {
  return child.type === 'sum' || (parent !== 'sum' && child.type === 'product');
}

/** Puts `text` (the rendering of `child`) in parentheses where {@link needsParens} says so. */
export function wrap(parent: 'sum' | 'product' | 'negate', child: DiceNode, text: string): string {
  return needsParens(parent, child) ? `(${text})` : text;
}

/** `[label]`, or nothing. */
export function formatLabel(label: string | undefined): string {
  return label === undefined ? '' : `[${label}]`;
}

/** A constant as written in notation. */
export function formatNumber(value: number): string {
  return String(value);
}

/** `4d6r1kh3`: a dice term without its label. */
export function formatDiceTerm(node: DiceTermNode): string {
  return `${node.count}d${node.sides}${formatDiceModifiers(node.modifiers)}`;
}

/** `{a, b}kh1`: a pool from its already rendered groups, without its label. */
export function formatPool(node: PoolNode, groups: readonly string[]): string {
  return `{${groups.join(', ')}}${formatCounting(node.modifiers)}`;
}

/** `=1` after a letter is written bare (`r1`, `!6`, `f1`); success targets keep their operator. */
function formatCompare(compare: DiceCompare, bare: boolean): string {
  return bare && compare.op === '=' && compare.value >= 0
    ? String(compare.value)
    : `${compare.op}${compare.value}`;
}

function formatCounting(m: PoolModifiers): string {
  let out = m.keep === undefined ? '' : `${m.keep.mode}${m.keep.count}`;
  if (m.success !== undefined) out += formatCompare(m.success, false);
  if (m.failure !== undefined) out += `f${formatCompare(m.failure, true)}`;
  return out;
}

function formatDiceModifiers(m: DiceModifiers): string {
  let out = '';
  for (const reroll of m.rerolls ?? []) {
    out += (reroll.once ? 'ro' : 'r') + formatCompare(reroll.compare, true);
  }
  let explode = '';
  if (m.explode !== undefined) {
    const mode = m.explode.mode === 'compound' ? '!' : m.explode.mode === 'penetrate' ? 'p' : '';
    const target = m.explode.compare === undefined ? '' : formatCompare(m.explode.compare, true);
    explode = `!${mode}${target}`;
  }
  let clamps = m.min === undefined ? '' : `min${m.min}`;
  if (m.max !== undefined) clamps += `max${m.max}`;
  const counting = formatCounting(m);
  // `10d6!>=5` would read as "explode on 5 or more", so an explosion on the
  // highest face goes after a success target that would otherwise follow it.
  if (explode !== '' && m.explode?.compare === undefined && clamps === '' && m.keep === undefined) {
    return m.success === undefined ? out + explode + counting : out + counting + explode;
  }
  return out + explode + clamps + counting;
}
