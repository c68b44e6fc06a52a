import { describe, expect, it } from 'vitest';
import {
  errorCode,
  fixtureTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { rollLog, verifyRollLog } from '../dice/roll-log.js';
import { roll } from '../dice/roll.js';
import type { TableEvent } from '../events/event-types.js';
import { resultAt, type RollTable } from '../model/roll-tables.js';
import type { TableState } from '../model/state.js';
import { createRng } from '../random/rng.js';
import { viewFor } from '../views/view-for.js';
import type { TableActionMap } from './action-types.js';

const { gm, p1, p2, obs } = USERS;

type CreatePayload = TableActionMap['core:create-roll-table'];

function withTable(payload: CreatePayload, state = fixtureTable()): TableState {
  return run(state, gm, 'core:create-roll-table', payload).state;
}

const WEATHER: CreatePayload = {
  id: 'weather',
  name: 'Random weather',
  visibility: 'public',
  results: [
    { weight: 3, text: 'Clear skies' },
    { weight: 2, text: 'Drizzle' },
    { weight: 2, text: 'Fog' },
    { weight: 1, text: 'Thunderstorm' },
  ],
};

const tableOf = (s: TableState, id: string): RollTable => s.rollTables.get(id)!;

function draw(s: TableState, userId: string, tableId: string, whisper?: boolean) {
  return run(
    s,
    userId,
    'core:draw-table',
    whisper === undefined ? { tableId } : { tableId, whisper },
  );
}

describe('roll table ranges and weights', () => {
  it('turns weights into cumulative ranges and rolls 1dN of their sum without a formula', () => {
    const table = tableOf(withTable(WEATHER), 'weather');
    expect(table.formula).toBe('1d8');
    expect(table.results.map((r) => r.range)).toEqual([
      [1, 3],
      [4, 5],
      [6, 7],
      [8, 8],
    ]);
    expect(table.replacement).toBe(true);
  });

  it('starts weights at the lowest total of a given formula and accepts ranges over 2d6', () => {
    const s = withTable({
      id: 'reaction',
      name: 'Reaction',
      formula: '2d6',
      results: [
        { range: [2, 2], text: 'Hostile' },
        { range: [3, 5], text: 'Unfriendly' },
        { weight: 3, text: 'Unsure' },
        { range: [9, 12], text: 'Friendly' },
      ],
    });
    expect(tableOf(s, 'reaction').results[2]!.range).toEqual([6, 8]);
  });

  it('refuses a gap, an overlap, a range outside the formula and a formula it cannot draw, naming them', () => {
    const base = { id: 't', name: 'T', formula: '1d6' };
    const refused = (results: CreatePayload['results'], formula = '1d6') => {
      try {
        withTable({ ...base, formula, results });
      } catch (error) {
        const e = error as { code: string; message: string };
        return { code: e.code, message: e.message };
      }
      throw new Error('not refused');
    };
    const gap = refused([
      { range: [1, 2], text: 'a' },
      { range: [4, 6], text: 'b' },
    ]);
    expect(gap.code).toBe('VTT_ERR_ROLLTABLE_RANGE_GAP');
    expect(gap.message).toContain('covers 3,');
    expect(refused([{ range: [1, 4], text: 'a' }]).message).toContain('5 to 6');
    const overlap = refused([
      { range: [1, 4], text: 'a' },
      { range: [3, 6], text: 'b' },
    ]);
    expect(overlap).toMatchObject({ code: 'VTT_ERR_ROLLTABLE_RANGE_OVERLAP' });
    expect(overlap.message).toContain('Results 0 and 1');
    expect(overlap.message).toContain('3 to 4');
    expect(refused([{ range: [0, 6], text: 'a' }]).code).toBe('VTT_ERR_ROLLTABLE_RANGE_OUTSIDE');
    expect(refused([{ range: [6, 1], text: 'a' }]).code).toBe('VTT_ERR_ROLLTABLE_RANGE_OUTSIDE');
    expect(refused([{ range: [1, 6], text: 'a' }], '4d6kh3').code).toBe(
      'VTT_ERR_ROLLTABLE_FORMULA',
    );
    expect(refused([{ range: [1, 6], text: 'a' }], '1d6*2').code).toBe('VTT_ERR_ROLLTABLE_FORMULA');
    expect(
      errorCode(() =>
        withTable({
          ...base,
          formula: '2d6',
          replacement: false,
          results: [{ range: [2, 12], text: 'x' }],
        }),
      ),
    ).toBe('VTT_ERR_ROLLTABLE_FORMULA');
  });

  it('checks an update that changes only the formula against the results it keeps', () => {
    const s = withTable(WEATHER);
    expect(
      errorCode(() =>
        run(s, gm, 'core:update-roll-table', { tableId: 'weather', patch: { formula: '1d10' } }),
      ),
    ).toBe('VTT_ERR_ROLLTABLE_RANGE_GAP');
    const reweighted = run(s, gm, 'core:update-roll-table', {
      tableId: 'weather',
      patch: {
        results: [
          { weight: 1, text: 'Sun' },
          { weight: 1, text: 'Rain' },
        ],
      },
    }).state;
    expect(tableOf(reweighted, 'weather')).toMatchObject({ formula: '1d2' });
  });
});

describe('drawing from a roll table', () => {
  it('rolls the formula with the table dice and posts the result picked by the total', () => {
    const { state, events } = draw(withTable(WEATHER), p1, 'weather');
    const message = state.chat.at(-1)!;
    const record = message.verified!.rolls[0]!;
    expect(record).toMatchObject({ stream: 'dice', notation: '1d8', label: 'Random weather' });
    const picked = resultAt(tableOf(state, 'weather'), record.total)!.result;
    expect(message.text).toBe(`**Random weather** (1d8: ${record.total}): ${picked.text}`);
    expect(message.roll?.total).toBe(record.total);
    expect(message.whisper).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['core:message-posted']);
  });

  it('draws the same results from the same seed, and the roll log re-derives every draw', () => {
    const texts = (seed: number) => {
      let s = withTable(WEATHER, fixtureTable(seed));
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        s = draw(s, gm, 'weather').state;
        out.push(s.chat.at(-1)!.text);
      }
      return out;
    };
    expect(texts(11)).toEqual(texts(11));
    expect(texts(11)).not.toEqual(texts(12));

    let s = withTable(WEATHER);
    const start = s.campaign.dice;
    const events: TableEvent[] = [];
    for (let i = 0; i < 5; i++) {
      const done = draw(s, p1, 'weather');
      s = done.state;
      events.push(...done.events);
    }
    const ended = run(s, gm, 'core:end-session', {});
    events.push(...ended.events);
    const log = rollLog(events, { start });
    expect(log.sessions[0]!.rolls).toHaveLength(5);
    expect(verifyRollLog(log)).toEqual({ verified: 5, problems: [] });
    // Anyone with the revealed seed re-rolls each record and reads the same result.
    const seed = ended.state.campaign.dice.seed!;
    for (const [i, r] of log.sessions[0]!.rolls.entries()) {
      const rng = createRng(seed);
      for (let k = 0; k < r.position; k++) rng.below(2 ** 32);
      const again = roll(r.notation, { rng }).total;
      const text = resultAt(tableOf(s, 'weather'), again)!.result.text;
      expect(s.chat[i]!.text.endsWith(`: ${text}`)).toBe(true);
    }
  });

  it('draws nested tables too, and records every roll in the one message', () => {
    let s = withTable({
      id: 'fog',
      name: 'Fog thickness',
      formula: '1d4',
      results: [
        { range: [1, 2], text: 'Thin' },
        { range: [3, 4], text: 'Thick' },
      ],
    });
    s = withTable(
      {
        id: 'weather',
        name: 'Weather',
        results: [{ weight: 6, text: 'Fog rolls in', tableId: 'fog' }],
      },
      s,
    );
    const message = draw(s, gm, 'weather').state.chat.at(-1)!;
    const [outer, inner] = message.text.split('\n');
    expect(outer).toMatch(/^\*\*Weather\*\* \(1d6: [1-6]\): Fog rolls in$/);
    expect(inner).toMatch(/^> \*\*Fog thickness\*\* \(1d4: [1-4]\): (Thin|Thick)$/);
    expect(message.verified!.rolls.map((r) => r.notation)).toEqual(['1d6', '1d4']);
  });

  it('refuses a nested reference that leads back to the table, at create and at update', () => {
    const selfRef = {
      ...WEATHER,
      id: 'loop',
      results: [{ weight: 1, text: 'again', tableId: 'loop' }],
    };
    expect(errorCode(() => withTable(selfRef))).toBe('VTT_ERR_ROLLTABLE_CYCLE');
    let s = withTable({ id: 'b', name: 'B', results: [{ weight: 1, text: 'end' }] });
    s = withTable({ id: 'a', name: 'A', results: [{ weight: 1, text: 'to b', tableId: 'b' }] }, s);
    let message = '';
    try {
      run(s, gm, 'core:update-roll-table', {
        tableId: 'b',
        patch: { results: [{ weight: 1, text: 'to a', tableId: 'a' }] },
      });
    } catch (error) {
      expect((error as { code: string }).code).toBe('VTT_ERR_ROLLTABLE_CYCLE');
      message = (error as Error).message;
    }
    expect(message).toContain('b → a → b');
    expect(
      errorCode(() =>
        withTable({ id: 'c', name: 'C', results: [{ weight: 1, text: '?', tableId: 'nope' }] }, s),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('without replacement marks what it draws, never draws it again, and is drawn anew after a reset', () => {
    let s = withTable({
      id: 'deck',
      name: 'Deck',
      replacement: false,
      visibility: 'public',
      results: ['Ace', 'King', 'Queen', 'Jack'].map((text) => ({ weight: 1, text })),
    });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const done = draw(s, p1, 'deck');
      expect(done.events.map((e) => e.type)).toEqual([
        'core:roll-table-drawn',
        'core:message-posted',
      ]);
      s = done.state;
      seen.push(s.chat.at(-1)!.text.split(': ').at(-1)!);
    }
    expect([...seen].sort()).toEqual(['Ace', 'Jack', 'King', 'Queen']);
    expect(tableOf(s, 'deck').results.every((r) => r.drawn)).toBe(true);
    expect(errorCode(() => draw(s, p1, 'deck'))).toBe('VTT_ERR_ROLLTABLE_EXHAUSTED');
    expect(errorCode(() => run(s, p1, 'core:reset-roll-table', { tableId: 'deck' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    s = run(s, gm, 'core:reset-roll-table', { tableId: 'deck' }).state;
    expect(tableOf(s, 'deck').results.some((r) => r.drawn)).toBe(false);
    expect(errorCode(() => draw(s, p1, 'deck'))).toBeUndefined();
  });

  it('drops a nested reference when its table is deleted, and undo brings both back', () => {
    let s = withTable({ id: 'inner', name: 'Inner', results: [{ weight: 1, text: 'x' }] });
    s = withTable(
      { id: 'outer', name: 'Outer', results: [{ weight: 2, text: 'y', tableId: 'inner' }] },
      s,
    );
    s = run(s, gm, 'core:delete-roll-table', { tableId: 'inner' }).state;
    expect(tableOf(s, 'outer').results[0]!.tableId).toBeNull();
    s = run(s, gm, 'core:undo', {}).state;
    expect(tableOf(s, 'inner')).toBeDefined();
    expect(tableOf(s, 'outer').results[0]!.tableId).toBe('inner');
  });

  it('moves a table out of a deleted folder to its parent', () => {
    let s = run(fixtureTable(), gm, 'core:create-journal-folder', {
      id: 'top',
      name: 'Tables',
    }).state;
    s = run(s, gm, 'core:create-journal-folder', {
      id: 'sub',
      name: 'Weather',
      parentId: 'top',
    }).state;
    s = withTable({ ...WEATHER, folderId: 'sub' }, s);
    s = run(s, gm, 'core:delete-journal-folder', { folderId: 'sub' }).state;
    expect(tableOf(s, 'weather').folderId).toBe('top');
  });
});

describe('roll table permissions', () => {
  const secret = (): TableState =>
    withTable({
      id: 'hoard',
      name: 'CANARY-NAME hoard',
      results: [
        { weight: 1, text: 'CANARY-TEXT dragon egg' },
        {
          weight: 1,
          text: 'CANARY-TEXT crown',
          compendium: { module: 'm', pack: 'CANARY-PACK', entry: 'e' },
        },
      ],
      flags: { mod: 'CANARY-FLAG' },
    });

  it('lets only GMs create, update, delete and reset tables', () => {
    const s = withTable(WEATHER);
    for (const [user, code] of [
      [p1, 'VTT_ERR_PERMISSION_GM_ONLY'],
      [obs, 'VTT_ERR_PERMISSION_OBSERVER'],
    ] as const) {
      expect(errorCode(() => run(s, user, 'core:create-roll-table', { ...WEATHER, id: 'x' }))).toBe(
        code,
      );
      expect(
        errorCode(() =>
          run(s, user, 'core:update-roll-table', { tableId: 'weather', patch: { name: 'N' } }),
        ),
      ).toBe(code);
      expect(errorCode(() => run(s, user, 'core:delete-roll-table', { tableId: 'weather' }))).toBe(
        code,
      );
      expect(errorCode(() => run(s, user, 'core:reset-roll-table', { tableId: 'weather' }))).toBe(
        code,
      );
    }
  });

  it('lets players draw public tables in the open, GMs any table or whispered, observers none', () => {
    const s = withTable(WEATHER, secret());
    expect(errorCode(() => draw(s, p1, 'weather'))).toBeUndefined();
    expect(errorCode(() => draw(s, p1, 'weather', true))).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(errorCode(() => draw(s, obs, 'weather'))).toBe('VTT_ERR_PERMISSION_OBSERVER');
    expect(errorCode(() => draw(s, gm, 'hoard'))).toBeUndefined();
    const whispered = draw(s, gm, 'weather', true).state.chat.at(-1)!;
    expect(whispered.whisper).toEqual([gm]);
    expect(viewFor(draw(s, gm, 'weather', true).state, p1).chat).toHaveLength(0);
  });

  it('answers a player about a GM-only table as about one that does not exist, naming nothing of it', () => {
    const s = secret();
    for (const type of [
      'core:draw-table',
      'core:update-roll-table',
      'core:delete-roll-table',
    ] as const) {
      const payload =
        type === 'core:update-roll-table'
          ? { tableId: 'hoard', patch: { name: 'x' } }
          : { tableId: 'hoard' };
      let error: { code: string; message: string } | undefined;
      try {
        run(s, p1, type, payload as never);
      } catch (e) {
        error = e as { code: string; message: string };
      }
      expect(error?.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
      expect(error?.message).not.toContain('CANARY');
      expect(errorCode(() => run(s, p1, type, { ...payload, tableId: 'missing' } as never))).toBe(
        'VTT_ERR_DOCUMENT_NOT_FOUND',
      );
    }
  });
});

describe('roll table views', () => {
  it('shows players and observers no GM-only table, not in a snapshot, an event or a whispered draw', () => {
    const created = runAndProject(
      fixtureTable(),
      gm,
      'core:create-roll-table',
      {
        id: 'hoard',
        name: 'CANARY-NAME hoard',
        replacement: false,
        results: [
          {
            weight: 1,
            text: 'CANARY-TEXT egg',
            compendium: { module: 'm', pack: 'CANARY-PACK', entry: 'e' },
          },
          { weight: 1, text: 'CANARY-TEXT crown' },
        ],
        flags: { mod: 'CANARY-FLAG' },
      },
      p1,
    );
    expect(created.received).toEqual([]);
    const drawn = runAndProject(
      created.state,
      gm,
      'core:draw-table',
      { tableId: 'hoard', whisper: true },
      p2,
    );
    expect(JSON.stringify(drawn.received)).not.toContain('CANARY');
    for (const viewer of [p1, p2, obs]) {
      const view = viewFor(drawn.state, viewer);
      expect(view.rollTables.size).toBe(0);
      expect(JSON.stringify(view)).not.toContain('CANARY');
    }
    expect(JSON.stringify(viewFor(drawn.state, gm))).toContain('CANARY-TEXT');
  });

  it('shows a public table without its drawn marks or a GM-only table it nests', () => {
    let s = withTable({
      id: 'secret-inner',
      name: 'CANARY-NAME inner',
      results: [{ weight: 1, text: 'CANARY-TEXT' }],
    });
    s = withTable(
      {
        id: 'deck',
        name: 'Deck',
        visibility: 'public',
        replacement: false,
        results: [
          { weight: 1, text: 'Plain' },
          { weight: 1, text: 'Deeper', tableId: 'secret-inner' },
        ],
      },
      s,
    );
    const drawn = runAndProject(s, gm, 'core:draw-table', { tableId: 'deck', whisper: true }, p1);
    expect(drawn.received).toEqual([]);
    const seen = viewFor(drawn.state, p1).rollTables.get('deck')!;
    expect(seen.results.map((r) => [r.drawn, r.tableId])).toEqual([
      [false, null],
      [false, null],
    ]);
    expect(JSON.stringify(viewFor(drawn.state, p1))).not.toMatch(/CANARY|secret-inner/);
    // A player's draws of the public table do not follow the reference into the GM's table.
    let d = run(drawn.state, gm, 'core:reset-roll-table', { tableId: 'deck' }).state;
    for (let i = 0; i < 2; i++) {
      d = draw(d, p1, 'deck').state;
      expect(d.chat.at(-1)!.text).not.toContain('CANARY');
      expect(d.chat.at(-1)!.verified!.rolls).toHaveLength(1);
    }
    // Made public, the nested table shows in the outer table's view too.
    const opened = runAndProject(
      d,
      gm,
      'core:update-roll-table',
      { tableId: 'secret-inner', patch: { visibility: 'public' } },
      p1,
    );
    expect(viewFor(opened.state, p1).rollTables.get('deck')!.results[1]!.tableId).toBe(
      'secret-inner',
    );
    expect(opened.received.map((e) => e.type)).toContain('core:document-synced');
  });
});
