import { describe, expect, it } from 'vitest';
import {
  errorCode,
  fixtureTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { createRng } from '../random/rng.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2, obs } = USERS;

describe('chat', () => {
  it('shows a whisper to its author, its recipients and GMs only', () => {
    const s = run(fixtureTable(), p1, 'core:send-message', { text: 'psst', whisper: [p2] }).state;
    expect(viewFor(s, p1).chat.map((m) => m.text)).toEqual(['psst']);
    expect(viewFor(s, p2).chat.map((m) => m.text)).toEqual(['psst']);
    expect(viewFor(s, gm).chat.map((m) => m.text)).toEqual(['psst']);
    expect(viewFor(s, obs).chat).toEqual([]);
  });

  it('drops a whisper to others from the projected events', () => {
    expect(
      runAndProject(fixtureTable(), p1, 'core:send-message', { text: 'psst', whisper: [p2] }, obs)
        .received,
    ).toEqual([]);
    expect(
      runAndProject(fixtureTable(), p1, 'core:send-message', { text: 'psst', whisper: [p2] }, p2)
        .received,
    ).toMatchObject([
      { type: 'core:message-posted', author: p1, payload: { message: { text: 'psst' } } },
    ]);
  });

  it('shows a blind roll whole to GMs, without its result to its author, and not at all to others', () => {
    const s = run(fixtureTable(), p1, 'core:send-message', {
      text: 'stealth',
      roll: '1d20+3',
      blind: true,
    }).state;
    expect(viewFor(s, gm).chat[0]!.roll).not.toBeNull();
    expect(viewFor(s, p1).chat[0]).toMatchObject({ text: 'stealth', roll: null });
    expect(viewFor(s, p2).chat).toEqual([]);
  });

  it('rolls with the table generator and records its next state server-side only', () => {
    const s0 = fixtureTable(99);
    const { state, events } = run(s0, p1, 'core:send-message', { text: 'attack', roll: '1d20' });
    const expected = createRng(s0.rng);
    const face = 1 + expected.below(20);
    expect(state.chat[0]!.roll!.total).toBe(face);
    expect(events[0]!.server?.rng).toEqual(expected.state());
    expect(state.rng).toEqual(expected.state());
    const gmView = JSON.stringify(viewFor(state, gm));
    expect(gmView).not.toContain('chacha20');
    expect(gmView).not.toContain(s0.rng.seed);
  });

  it('keeps the last chatLimit messages in state and tells viewers what left', () => {
    let s = run(fixtureTable(), gm, 'core:update-campaign', { settings: { chatLimit: 2 } }).state;
    s = run(s, p1, 'core:send-message', { text: 'one' }).state;
    s = run(s, gm, 'core:send-message', { text: 'two', whisper: [gm] }).state;
    const { state, received } = runAndProject(
      s,
      gm,
      'core:send-message',
      { text: 'three', whisper: [gm] },
      p2,
    );
    expect(state.chat.map((m) => m.text)).toEqual(['two', 'three']);
    expect(received).toMatchObject([{ type: 'core:chat-pruned' }]);
    expect(viewFor(state, p2).chat).toEqual([]);
  });

  it('lets authors and GMs delete messages, nobody else', () => {
    const s = run(fixtureTable(), p1, 'core:send-message', { text: 'oops' }).state;
    const id = s.chat[0]!.id;
    expect(errorCode(() => run(s, p2, 'core:delete-message', { messageId: id }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(run(s, p1, 'core:delete-message', { messageId: id }).state.chat).toEqual([]);
    expect(run(s, gm, 'core:delete-message', { messageId: id }).state.chat).toEqual([]);
  });

  it('lets observers chat, and rejects whispers to strangers', () => {
    expect(run(fixtureTable(), obs, 'core:send-message', { text: 'hi' }).state.chat).toHaveLength(
      1,
    );
    expect(
      errorCode(() =>
        run(fixtureTable(), p1, 'core:send-message', { text: 'x', whisper: ['ghost'] }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });
});
