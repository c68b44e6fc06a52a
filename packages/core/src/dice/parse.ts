import { VttError } from '../errors/vtt-error.js';
import { DICE_FUNCTIONS, type DiceFunction, type DiceNode, type DiceTermNode } from './ast.js';
import { checkTermTerminates } from './compare.js';
import { Cursor } from './cursor.js';
import { resolveDiceLimits, type DiceLimits } from './limits.js';
import { parseDiceModifiers, parseLabel, parsePoolModifiers } from './parse-modifiers.js';

/**
 * Parses dice notation into its JSON-serialisable tree, checking every limit
 * that can be checked without rolling (length, nesting, dice count, sides,
 * rerolls or explosions that could never stop). Runs synchronously; returns
 * a fresh tree the caller owns. Throws a `VttError`: `VTT_ERR_DICE_SYNTAX`
 * with `params.position` (0-based) and `params.hint`, or a limit code.
 *
 * @example
 * parseDice('2d20kh1 + 5');
 * // { type: 'sum', first: { type: 'dice', count: 2, sides: 20, modifiers: { keep: { mode: 'kh', count: 1 } } },
 * //   rest: [{ op: '+', operand: { type: 'number', value: 5 } }] }
 */
export function parseDice(notation: string, limits?: Partial<DiceLimits>): DiceNode {
  return parseWithLimits(notation, resolveDiceLimits(limits));
}

/** {@link parseDice} with limits already resolved (the roll path uses it through its cache). */
export function parseWithLimits(notation: string, limits: DiceLimits): DiceNode {
  if (typeof notation !== 'string') {
    throw new VttError('VTT_ERR_DICE_SYNTAX', {
      position: 0,
      column: 1,
      hint: "expected text such as '1d20'",
    });
  }
  if (notation.length > limits.maxLength) {
    throw new VttError('VTT_ERR_DICE_EXPRESSION_TOO_LONG', {
      length: notation.length,
      max: limits.maxLength,
    });
  }
  if (notation.trim() === '') throw new VttError('VTT_ERR_DICE_EMPTY');
  const parser = new DiceParser(notation, limits);
  return parser.parseAll();
}

class DiceParser {
  private readonly c: Cursor;
  private diceCount = 0;

  constructor(
    notation: string,
    private readonly limits: DiceLimits,
  ) {
    this.c = new Cursor(notation);
  }

  parseAll(): DiceNode {
    const node = this.parseSum(0);
    this.c.skipSpaces();
    if (!this.c.done) this.failAfterTerm('the end');
    return node;
  }

  /** Fails where a term ended but no operator or closing bracket follows. */
  private failAfterTerm(expecting: string): never {
    const c = this.c;
    const ch = c.peek();
    if (ch === ')') c.fail("unexpected ')': there is no '(' to close");
    if (ch === '}') c.fail("unexpected '}': there is no '{' to close");
    if (ch === ',') c.fail("',' separates the groups of a pool, e.g. '{1d20, 1d20}kh1'");
    if (ch === '>' || ch === '<' || ch === '=') {
      c.fail("write modifiers right after the dice, without spaces: '10d6>=5'");
    }
    if (c.isDigit() || c.isLetter() || ch === '(' || ch === '{') {
      c.fail("expected an operator such as '+' or '*' before this");
    }
    return c.fail(`unexpected ${c.describeHere()}; expected ${expecting}`);
  }

  private enter(depth: number, position: number): void {
    if (depth > this.limits.maxDepth) {
      throw new VttError('VTT_ERR_DICE_NESTING_TOO_DEEP', {
        depth,
        max: this.limits.maxDepth,
        position,
      });
    }
  }

  private parseSum(depth: number): DiceNode {
    const first = this.parseProduct(depth);
    const rest: { op: '+' | '-'; operand: DiceNode }[] = [];
    for (;;) {
      this.c.skipSpaces();
      const op = this.c.peek();
      if (op !== '+' && op !== '-') break;
      this.c.pos++;
      rest.push({ op, operand: this.parseProduct(depth) });
    }
    return rest.length === 0 ? first : { type: 'sum', first, rest };
  }

  private parseProduct(depth: number): DiceNode {
    const first = this.parseUnary(depth);
    const rest: { op: '*' | '/'; operand: DiceNode }[] = [];
    for (;;) {
      this.c.skipSpaces();
      const op = this.c.peek();
      if (op !== '*' && op !== '/') break;
      this.c.pos++;
      rest.push({ op, operand: this.parseUnary(depth) });
    }
    return rest.length === 0 ? first : { type: 'product', first, rest };
  }

  private parseUnary(depth: number): DiceNode {
    const c = this.c;
    c.skipSpaces();
    while (c.peek() === '+') {
      c.pos++;
      c.skipSpaces();
    }
    if (c.peek() === '-') {
      this.enter(depth + 1, c.pos);
      c.pos++;
      return { type: 'negate', operand: this.parseUnary(depth + 1) };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): DiceNode {
    const c = this.c;
    const start = c.pos;
    const ch = c.lower();
    if (ch === '(') {
      this.enter(depth + 1, start);
      c.pos++;
      const inner = this.parseSum(depth + 1);
      c.skipSpaces();
      if (c.peek() !== ')') this.failInside(`')' to close the '(' at column ${start + 1}`);
      c.pos++;
      return inner;
    }
    if (ch === '{') return this.parsePool(depth, start);
    if (ch === 'd') return this.parseDiceTerm(1, start);
    if (c.isDigit()) return this.parseNumberOrDice(start);
    if (c.isLetter()) return this.parseCall(depth, start);
    if (ch === '.') c.fail("write a digit before '.', e.g. '0.5'");
    if (c.done) c.fail("expected a number, dice such as '1d6', or '(' here");
    return c.fail(`unexpected ${c.describeHere()}; expected a number, dice such as '1d6', or '('`);
  }

  /** Fails inside brackets, where `expecting` (a closing bracket) was due. */
  private failInside(expecting: string): never {
    if (this.c.done) this.c.fail(`expected ${expecting}`);
    return this.failAfterTerm(expecting);
  }

  private parseNumberOrDice(start: number): DiceNode {
    const c = this.c;
    const whole = c.readDigits()!;
    if (c.lower() === 'd') {
      if (whole > Number.MAX_SAFE_INTEGER) this.tooManyDice(whole, start);
      return this.parseDiceTerm(whole, start);
    }
    let value = whole;
    if (c.peek() === '.') {
      c.pos++;
      if (!c.isDigit()) c.fail("expected digits after '.'");
      while (c.isDigit()) c.pos++;
      value = Number(c.text.slice(start, c.pos));
      if (c.lower() === 'd') c.fail('the number of dice must be a whole number', start);
    }
    if (value > Number.MAX_SAFE_INTEGER || String(value).includes('e')) {
      c.fail('this number is too large or too precise', start);
    }
    const label = parseLabel(c);
    return label === undefined ? { type: 'number', value } : { type: 'number', value, label };
  }

  private tooManyDice(count: number, position: number): never {
    throw new VttError('VTT_ERR_DICE_TOO_MANY_DICE', {
      count: Math.min(count, Number.MAX_VALUE), // JSON has no Infinity
      max: this.limits.maxDice,
      position,
    });
  }

  /** Parses `dX` and its modifiers, the cursor on `d`; `count` was read before it. */
  private parseDiceTerm(count: number, start: number): DiceTermNode {
    const c = this.c;
    const limits = this.limits;
    this.diceCount += count;
    if (this.diceCount > limits.maxDice) this.tooManyDice(this.diceCount, start);
    c.pos++; // the 'd'
    let sides: number | 'F';
    const sidesAt = c.pos;
    if (c.isDigit()) {
      sides = c.readDigits()!;
    } else if (c.peek() === '%') {
      c.pos++;
      sides = 100;
    } else if (c.lower() === 'f') {
      c.pos++;
      sides = 'F';
    } else {
      return c.fail("expected the number of sides after 'd', e.g. 'd6', 'd%' or 'dF'");
    }
    if (sides === 0) throw new VttError('VTT_ERR_DICE_BAD_SIDES', { sides, position: sidesAt });
    if (sides !== 'F' && sides > limits.maxSides) {
      throw new VttError('VTT_ERR_DICE_TOO_MANY_SIDES', {
        sides: Math.min(sides, Number.MAX_VALUE),
        max: limits.maxSides,
        position: sidesAt,
      });
    }
    const modifiers = parseDiceModifiers(c);
    const label = parseLabel(c);
    const node: DiceTermNode =
      label === undefined
        ? { type: 'dice', count, sides, modifiers }
        : { type: 'dice', count, sides, modifiers, label };
    checkTermTerminates(node, limits, start);
    return node;
  }

  private parsePool(depth: number, start: number): DiceNode {
    const c = this.c;
    this.enter(depth + 1, start);
    c.pos++;
    c.skipSpaces();
    if (c.peek() === '}') {
      c.fail("a pool needs at least one expression, e.g. '{1d20, 1d20}kh1'");
    }
    const groups: DiceNode[] = [this.parseSum(depth + 1)];
    for (;;) {
      c.skipSpaces();
      if (c.peek() === '}') break;
      if (c.peek() !== ',') this.failInside(`',' or '}' to close the '{' at column ${start + 1}`);
      c.pos++;
      groups.push(this.parseSum(depth + 1));
    }
    c.pos++;
    const modifiers = parsePoolModifiers(c);
    const label = parseLabel(c);
    return label === undefined
      ? { type: 'pool', groups, modifiers }
      : { type: 'pool', groups, modifiers, label };
  }

  private parseCall(depth: number, start: number): DiceNode {
    const c = this.c;
    while (c.isLetter()) c.pos++;
    const name = c.text.slice(start, c.pos).toLowerCase();
    if (!(DICE_FUNCTIONS as readonly string[]).includes(name)) {
      c.fail(`unknown name '${name}'; the functions are ${DICE_FUNCTIONS.join(', ')}`, start);
    }
    this.enter(depth + 1, start);
    c.skipSpaces();
    if (c.peek() !== '(') c.fail(`expected '(' after '${name}'`);
    const open = c.pos;
    c.pos++;
    const arg = this.parseSum(depth + 1);
    c.skipSpaces();
    if (c.peek() !== ')') this.failInside(`')' to close the '(' at column ${open + 1}`);
    c.pos++;
    return { type: 'call', fn: name as DiceFunction, arg };
  }
}
