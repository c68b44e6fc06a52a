import type {
  CompareOperator,
  DiceCompare,
  DiceExplode,
  DiceKeep,
  DiceModifiers,
  DiceReroll,
  KeepMode,
  PoolModifiers,
} from './ast.js';
import type { Cursor } from './cursor.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads an integer that must fit exactly in a double; fails with `what` when none is here. */
export function readInteger(c: Cursor, expected: string): number {
  const start = c.pos;
  const value = c.readDigits();
  if (value === undefined) c.fail(expected);
  if (value > Number.MAX_SAFE_INTEGER) c.fail('this number is too large', start);
  return value;
}

/** Reads `-`? digits. */
function readSignedInteger(c: Cursor, expected: string): number {
  if (c.peek() === '-') {
    c.pos++;
    return -readInteger(c, expected);
  }
  return readInteger(c, expected);
}

/**
 * Reads a compare point (`>=5`, `<3`, `=1`, or a bare `1` meaning `=1`).
 * Returns `undefined` when none starts here and `required` is false.
 */
function parseCompare(c: Cursor, after: string, required: boolean): DiceCompare | undefined {
  const ch = c.peek();
  let op: CompareOperator;
  if (ch === '>' || ch === '<') {
    c.pos++;
    const orEqual = c.peek() === '=';
    if (orEqual) c.pos++;
    op = ch === '>' ? (orEqual ? '>=' : '>') : orEqual ? '<=' : '<';
  } else if (ch === '=') {
    c.pos++;
    op = '=';
  } else if (c.isDigit()) {
    return { op: '=', value: readInteger(c, 'expected a number') };
  } else if (required) {
    return c.fail(
      `expected a target after ${after}, e.g. '${after.slice(1, -1)}1' or '${after.slice(1, -1)}<3'`,
    );
  } else {
    return undefined;
  }
  return { op, value: readSignedInteger(c, `expected a number after '${op}'`) };
}

/** Reads `k`, `kh`, `kl`, `d`, `dh`, `dl`, each with an optional count (default 1). */
function parseKeep(c: Cursor): DiceKeep {
  const kind = c.lower();
  c.pos++;
  const side = c.lower();
  let mode: KeepMode = kind === 'k' ? 'kh' : 'dl';
  if (side === 'h' || side === 'l') {
    c.pos++;
    mode = `${kind === 'k' ? 'k' : 'd'}${side}` as KeepMode;
  }
  const count = c.isDigit() ? readInteger(c, 'expected a count') : 1;
  return { mode, count };
}

function once<T>(c: Cursor, current: T | undefined, start: number, what: string): void {
  if (current !== undefined) c.fail(`only one ${what} modifier per term`, start);
}

/** Reads the keep/drop and success/failure modifiers shared by dice and pools; false if none is here. */
function parseCounting(c: Cursor, m: Mutable<PoolModifiers>): boolean {
  const start = c.pos;
  const ch = c.lower();
  if (ch === 'k' || ch === 'd') {
    once(c, m.keep, start, 'keep or drop');
    m.keep = parseKeep(c);
  } else if (ch === '>' || ch === '<' || ch === '=') {
    once(c, m.success, start, 'success');
    m.success = parseCompare(c, "'>='", true);
  } else if (ch === 'f') {
    once(c, m.failure, start, 'failure');
    c.pos++;
    m.failure = parseCompare(c, "'f'", true);
  } else {
    return false;
  }
  return true;
}

function unknownModifier(c: Cursor): never {
  return c.fail(
    `unknown modifier '${c.peek()}'; modifiers are kh kl dh dl r ro ! !! !p min max >= f`,
  );
}

/** Reads the modifiers of a dice term, written in any order, right after `NdX`. */
export function parseDiceModifiers(c: Cursor): DiceModifiers {
  const m: Mutable<DiceModifiers> = {};
  const rerolls: DiceReroll[] = [];
  for (;;) {
    const start = c.pos;
    const ch = c.lower();
    if (parseCounting(c, m)) continue;
    if (ch === 'r') {
      c.pos++;
      const isOnce = c.lower() === 'o';
      if (isOnce) c.pos++;
      rerolls.push({ compare: parseCompare(c, isOnce ? "'ro'" : "'r'", true)!, once: isOnce });
    } else if (ch === '!') {
      once(c, m.explode, start, 'explode');
      c.pos++;
      let mode: DiceExplode['mode'] = 'explode';
      if (c.peek() === '!') mode = 'compound';
      else if (c.lower() === 'p') mode = 'penetrate';
      if (mode !== 'explode') c.pos++;
      const compare = parseCompare(c, "'!'", false);
      m.explode = compare === undefined ? { mode } : { mode, compare };
    } else if (ch === 'm') {
      const word = c.lower(1) + c.lower(2);
      if (word !== 'in' && word !== 'ax') c.fail("unknown modifier; did you mean 'min' or 'max'");
      const key = word === 'in' ? 'min' : 'max';
      once(c, m[key], start, `'${key}'`);
      c.pos += 3;
      m[key] = readSignedInteger(c, `expected a number after '${key}'`);
    } else if (c.isLetter()) {
      unknownModifier(c);
    } else {
      break;
    }
  }
  if (rerolls.length > 0) m.rerolls = rerolls;
  return m;
}

/** Reads the modifiers of a pool `{...}`: keep/drop and success/failure only. */
export function parsePoolModifiers(c: Cursor): PoolModifiers {
  const m: Mutable<PoolModifiers> = {};
  for (;;) {
    if (parseCounting(c, m)) continue;
    const ch = c.lower();
    if (ch === 'r' || ch === '!' || ch === 'm') {
      c.fail('a pool takes only keep/drop (kh kl dh dl) and success/failure (>=N fN) modifiers');
    }
    if (c.isLetter()) unknownModifier(c);
    return m;
  }
}

/** Reads an optional `[label]` (spaces before it allowed); returns its trimmed text. */
export function parseLabel(c: Cursor): string | undefined {
  const before = c.pos;
  c.skipSpaces();
  if (c.peek() !== '[') {
    c.pos = before;
    return undefined;
  }
  const start = c.pos;
  const end = c.text.indexOf(']', start + 1);
  if (end < 0) c.fail("this label is not closed: expected ']'", start);
  const label = c.text.slice(start + 1, end).trim();
  if (label === '') c.fail('a label needs some text, e.g. [fire]', start);
  if (label.includes('[')) c.fail("a label cannot contain '['", start);
  c.pos = end + 1;
  return label;
}
