/**
 * Dice throughput: rolls/s of the engine (dice drawn from the table's
 * ChaCha20 generator) beside a plain Math.random loop doing the same
 * arithmetic, and the generator's raw words/s beside Math.random's.
 */
import { createRng, roll } from '@vtt/core';
import { measure, printRows } from './harness.js';

function plain4d6kh3(): number {
  let sum = 0;
  let lowest = 7;
  for (let i = 0; i < 4; i++) {
    const die = 1 + Math.floor(Math.random() * 6);
    sum += die;
    if (die < lowest) lowest = die;
  }
  return sum - lowest;
}

function plain20d6Hits(): number {
  let hits = 0;
  for (let i = 0; i < 20; i++) if (1 + Math.floor(Math.random() * 6) >= 5) hits++;
  return hits;
}

/** Runs the dice benchmarks and prints their table. */
export function benchDice(): void {
  const rng = createRng(12345);
  let sink = 0;
  const rows = [
    ['4d6kh3', plain4d6kh3],
    ['20d6>=5', plain20d6Hits],
  ] as const;
  printRows(
    'dice: rolls per second (baseline: plain loop with Math.random, no parsing, no result object)',
    rows.map(([notation, plain]) => ({
      name: notation,
      value: measure(() => void (sink += roll(notation, { rng }).total)).perSecond,
      baseline: measure(() => void (sink += plain())).perSecond,
      unit: 'rolls/s',
      better: 'higher' as const,
    })),
  );
  const words = createRng(777);
  printRows('dice: the ChaCha20 table generator (baseline: Math.random)', [
    {
      name: 'words',
      value: measure(() => {
        for (let i = 0; i < 1000; i++) sink += words.nextUint32();
        return 1000;
      }).perSecond,
      baseline: measure(() => {
        for (let i = 0; i < 1000; i++) sink += Math.random();
        return 1000;
      }).perSecond,
      unit: 'words/s',
      better: 'higher' as const,
    },
  ]);
  if (sink === -1) process.stdout.write(''); // keep the results alive
}
