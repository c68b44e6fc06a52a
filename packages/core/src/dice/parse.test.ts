import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiceCompare, DiceModifiers, DiceNode, DiceTermNode } from './ast.js';
import { formatDice } from './format.js';
import { parseDice } from './parse.js';

/** [as typed, canonical] for every construct of the notation. */
const CANONICAL: readonly (readonly [string, string])[] = [
  ['1d20', '1d20'],
  ['d20', '1d20'],
  ['D20', '1d20'],
  ['d%', '1d100'],
  ['dF', '1dF'],
  ['4df', '4dF'],
  ['0d6', '0d6'],
  ['2d6+3', '2d6 + 3'],
  ['1 + 2 * 3', '1 + 2 * 3'],
  ['(1 + 2) * 3', '(1 + 2) * 3'],
  ['1 - (2 - 3)', '1 - (2 - 3)'],
  ['(1 - 2) - 3', '(1 - 2) - 3'],
  ['2 * (3 * 4)', '2 * (3 * 4)'],
  ['((1d6))', '1d6'],
  ['-1d6', '-1d6'],
  ['--2', '--2'],
  ['+1d6', '1d6'],
  ['-(1+2)', '-(1 + 2)'],
  ['2 - -1', '2 - -1'],
  ['7/2', '7 / 2'],
  ['1.5*2', '1.5 * 2'],
  ['floor(1d6/2)', 'floor(1d6 / 2)'],
  ['CEIL( 7 / 2 )', 'ceil(7 / 2)'],
  ['round(1d6 / 4)', 'round(1d6 / 4)'],
  ['abs(-3)', 'abs(-3)'],
  ['2d6[fire] + 1d4[cold]', '2d6[fire] + 1d4[cold]'],
  ['2d6 [ fire ]', '2d6[fire]'],
  ['1d20 + 5[str]', '1d20 + 5[str]'],
  ['4d6kh3', '4d6kh3'],
  ['4d6k3', '4d6kh3'],
  ['2d20k', '2d20kh1'],
  ['2d20kl', '2d20kl1'],
  ['4d6dl1', '4d6dl1'],
  ['4d6d', '4d6dl1'],
  ['4d6dh', '4d6dh1'],
  ['1d6!', '1d6!'],
  ['1d6!>4', '1d6!>4'],
  ['1d6!>=5', '1d6!>=5'],
  ['1d6!<2', '1d6!<2'],
  ['1d6!=5', '1d6!5'],
  ['1d6!!', '1d6!!'],
  ['1d6!!>=5', '1d6!!>=5'],
  ['1d6!p', '1d6!p'],
  ['1d6!P>5', '1d6!p>5'],
  ['4d6r1', '4d6r1'],
  ['4d6r<3', '4d6r<3'],
  ['4d6r>=5', '4d6r>=5'],
  ['4d6ro1', '4d6ro1'],
  ['4d6r1r2', '4d6r1r2'],
  ['4d6ro<2', '4d6ro<2'],
  ['10d6>=5', '10d6>=5'],
  ['10d6>5', '10d6>5'],
  ['10d6<=2', '10d6<=2'],
  ['10d6<2', '10d6<2'],
  ['10d6=6', '10d6=6'],
  ['10d6>=5f1', '10d6>=5f1'],
  ['10d6f<=2>=5', '10d6>=5f<=2'],
  ['4dFmin0', '4dFmin0'],
  ['4d6max5min2', '4d6min2max5'],
  ['4d6kh3r1', '4d6r1kh3'],
  ['10d10!>=8>=7', '10d10!>=8>=7'],
  ['10d6>=5!', '10d6>=5!'],
  ['10d6!6>=5', '10d6!6>=5'],
  ['{4d6, 3d8}kh1', '{4d6, 3d8}kh1'],
  ['{1d20,1d20}kh1', '{1d20, 1d20}kh1'],
  ['{3d6, 2d10}>=8', '{3d6, 2d10}>=8'],
  ['{2d6+1, 8}dl1[best]', '{2d6 + 1, 8}dl1[best]'],
];

describe('parseDice and formatDice', () => {
  it.each(CANONICAL)(
    'formats %j canonically as %j, and the canonical form parses the same',
    (typed, canonical) => {
      const tree = parseDice(typed);
      expect(formatDice(tree)).toBe(canonical);
      expect(parseDice(canonical)).toEqual(tree);
    },
  );

  it('builds the documented tree: precedence, keep, labels, Fate and d%', () => {
    expect(parseDice('1 + 2d20kh1[adv] * 3')).toEqual({
      type: 'sum',
      first: { type: 'number', value: 1 },
      rest: [
        {
          op: '+',
          operand: {
            type: 'product',
            first: {
              type: 'dice',
              count: 2,
              sides: 20,
              modifiers: { keep: { mode: 'kh', count: 1 } },
              label: 'adv',
            },
            rest: [{ op: '*', operand: { type: 'number', value: 3 } }],
          },
        },
      ],
    });
    expect(parseDice('4dF')).toMatchObject({ type: 'dice', count: 4, sides: 'F' });
    expect(parseDice('d%')).toMatchObject({ type: 'dice', count: 1, sides: 100 });
  });

  it('reads every modifier into its own field, in any order', () => {
    const tree = parseDice('6d10f1>=8kh4max9min2!>=9ro1r<2') as DiceTermNode;
    expect(tree.modifiers).toEqual({
      failure: { op: '=', value: 1 },
      success: { op: '>=', value: 8 },
      keep: { mode: 'kh', count: 4 },
      max: 9,
      min: 2,
      explode: { mode: 'explode', compare: { op: '>=', value: 9 } },
      rerolls: [
        { compare: { op: '=', value: 1 }, once: true },
        { compare: { op: '<', value: 2 }, once: false },
      ],
    });
    expect(formatDice(tree)).toBe('6d10ro1r<2!>=9min2max9kh4>=8f1');
  });

  it('keeps an explosion on the highest face apart from a success target that follows', () => {
    const onMax = parseDice('10d6>=5!') as DiceTermNode;
    expect(onMax.modifiers.explode).toEqual({ mode: 'explode' });
    expect(onMax.modifiers.success).toEqual({ op: '>=', value: 5 });
    const onFive = parseDice('10d6!>=5') as DiceTermNode;
    expect(onFive.modifiers.explode).toEqual({ mode: 'explode', compare: { op: '>=', value: 5 } });
    expect(onFive.modifiers.success).toBeUndefined();
  });

  it('gives back a tree that survives JSON', () => {
    const tree = parseDice('{2d6!p[a], floor(7/2)}kh1 + -4dFr=-1');
    expect(JSON.parse(JSON.stringify(tree))).toStrictEqual(tree);
  });

  it('round-trips generated trees through formatDice and parseDice (seeded)', () => {
    fc.assert(
      fc.property(treeArbitrary(), (tree) => {
        const text = formatDice(tree);
        expect(parseDice(text, { maxDice: 1e6, maxDepth: 200, maxLength: 1e6 })).toEqual(tree);
      }),
      { seed: 20240611, numRuns: 400 },
    );
  });
});

/** Trees the parser can produce, with modifiers that always terminate. */
function treeArbitrary(): fc.Arbitrary<DiceNode> {
  const label = fc.option(fc.stringMatching(/^[a-z][a-z ]{0,5}[a-z]$/), { nil: undefined });
  const withLabel = <T extends object>(node: T, text: string | undefined): T =>
    text === undefined ? node : { ...node, label: text };
  const compare: fc.Arbitrary<DiceCompare> = fc.record({
    op: fc.constantFrom('=', '>', '>=', '<', '<=' as const),
    value: fc.integer({ min: -1, max: 7 }),
  });
  const keep = fc.record({
    mode: fc.constantFrom('kh', 'kl', 'dh', 'dl' as const),
    count: fc.integer({ min: 0, max: 4 }),
  });
  const dice = fc
    .record({
      count: fc.integer({ min: 0, max: 5 }),
      sides: fc.oneof(fc.integer({ min: 3, max: 20 }), fc.constant('F' as const)),
      keep: fc.option(keep, { nil: undefined }),
      success: fc.option(compare, { nil: undefined }),
      failure: fc.option(compare, { nil: undefined }),
      min: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
      max: fc.option(fc.integer({ min: 3, max: 9 }), { nil: undefined }),
      reroll: fc.option(fc.boolean(), { nil: undefined }),
      explode: fc.option(fc.constantFrom('explode', 'compound', 'penetrate' as const), {
        nil: undefined,
      }),
      explodeOnMax: fc.boolean(),
      label,
    })
    .map((r): DiceNode => {
      const high = r.sides === 'F' ? 1 : r.sides;
      const low = r.sides === 'F' ? -1 : 1;
      const m: { -readonly [K in keyof DiceModifiers]: DiceModifiers[K] } = {};
      // Rerolling the lowest face and exploding only on the highest always terminates.
      if (r.reroll !== undefined)
        m.rerolls = [{ compare: { op: '<=', value: low }, once: r.reroll }];
      if (r.explode !== undefined) {
        m.explode = r.explodeOnMax
          ? { mode: r.explode }
          : { mode: r.explode, compare: { op: '>=', value: high } };
      }
      if (r.min !== undefined) m.min = r.min;
      if (r.max !== undefined) m.max = r.max;
      if (r.keep !== undefined) m.keep = r.keep;
      if (r.success !== undefined) m.success = r.success;
      if (r.failure !== undefined) m.failure = r.failure;
      return withLabel({ type: 'dice', count: r.count, sides: r.sides, modifiers: m }, r.label);
    });
  const number = fc
    .record({ value: fc.constantFrom(0, 1, 2, 5, 10, 1.5, 0.25, 100), label })
    .map((r): DiceNode => withLabel({ type: 'number', value: r.value }, r.label));

  const { node } = fc.letrec<{ node: DiceNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      dice,
      number,
      fc.record({ type: fc.constant('negate' as const), operand: tie('node') }),
      fc.record({
        type: fc.constant('sum' as const),
        first: tie('node'),
        rest: fc.array(
          fc.record({ op: fc.constantFrom('+', '-' as const), operand: tie('node') }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
      }),
      fc.record({
        type: fc.constant('product' as const),
        first: tie('node'),
        rest: fc.array(
          fc.record({ op: fc.constantFrom('*', '/' as const), operand: tie('node') }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
      }),
      fc.record({
        type: fc.constant('call' as const),
        fn: fc.constantFrom('floor', 'ceil', 'round', 'abs' as const),
        arg: tie('node'),
      }),
      fc
        .record({
          groups: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
          keep: fc.option(keep, { nil: undefined }),
          success: fc.option(compare, { nil: undefined }),
          label,
        })
        .map((r): DiceNode => {
          const modifiers = {
            ...(r.keep === undefined ? {} : { keep: r.keep }),
            ...(r.success === undefined ? {} : { success: r.success }),
          };
          return withLabel({ type: 'pool', groups: r.groups, modifiers }, r.label);
        }),
    ),
  }));
  return node;
}
