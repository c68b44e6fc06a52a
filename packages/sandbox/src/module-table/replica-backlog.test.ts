import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxHost, type SandboxHost } from '../index.js';
import { description, smallTable } from '../test-support/guest-bundle.js';
import { createModuleTable } from './module-table.js';
import { MAX_BACKLOG_EVENTS } from './replica-backlog.js';

// A guest that logs every load and apply it gets, and tells them (with its
// replica's seq) as the derived data of actor a1.
const bundle = {
  id: 'rec',
  source: `
const description = ${JSON.stringify(description('rec', { derived: ['hero'] }))};
const calls = [];
let seq = 0;
export function vttDescribe() { return description; }
export function vttLoad(call) {
  if (call.part === undefined || call.part === 'begin') calls.push('load');
  if (call.seq !== undefined) seq = call.seq;
  return { seq };
}
export function vttApply(call) {
  calls.push('apply:' + call.events.map((e) => e.seq).join(','));
  for (const e of call.events) seq = e.seq;
  return { seq };
}
export function vttDerive() { return { data: { calls: calls.slice(), seq } }; }
`,
};

let host: SandboxHost;
let tables = 0;
beforeAll(async () => {
  host = await createSandboxHost({ workers: 1 });
});
afterAll(() => host.close());

const open = () =>
  createModuleTable({ host, tableId: `b${++tables}`, state: smallTable(), modules: [bundle] });

const move = (x: number) => ({ type: 'core:move-token', payload: { tokenId: 't1', x, y: 0 } });

interface Seen {
  readonly calls: string[];
  readonly seq: number;
}

describe('a replica gets committed events right before its next call, not at each commit', () => {
  it('moves no module hooks call no sandbox; the next call first gets all of them, in seq order', async () => {
    const table = await open();
    const loadedAt = table.state.seq;
    for (let x = 1; x <= 5; x++) await table.dispatch(move(x * 10), 'gm');
    const seen = (await table.derived('a1', null)) as unknown as Seen;
    const seqs = Array.from({ length: 5 }, (_, i) => loadedAt + 1 + i);
    // Loaded once, then one apply with the five moves, just before derive.
    expect(seen.calls).toEqual(['load', `apply:${seqs.join(',')}`]);
    expect(seen.seq).toBe(table.state.seq);
    const again = (await table.derived('a1', null)) as unknown as Seen;
    expect(again.calls).toEqual(seen.calls); // nothing new to apply
    await table.close();
  });

  it(`past ${MAX_BACKLOG_EVENTS} events the backlog is dropped and the next call loads the whole state`, async () => {
    const table = await open();
    for (let i = 0; i <= MAX_BACKLOG_EVENTS; i++)
      await table.dispatch(move(i % 2 === 0 ? 1 : 2), 'gm');
    const seen = (await table.derived('a1', null)) as unknown as Seen;
    expect(seen.calls).toEqual(['load', 'load']);
    expect(seen.seq).toBe(table.state.seq);
    expect(table.state.tokens.get('t1')?.x).toBe(1);
    await table.close();
  });
});
