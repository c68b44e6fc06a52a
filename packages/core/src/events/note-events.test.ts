import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2 } = USERS;

describe('map notes', () => {
  it('keeps GM notes from players, in views and in events', () => {
    const s = populatedTable();
    expect([...viewFor(s, p1).notes.keys()]).toEqual(['n1']);
    expect(viewFor(s, gm).notes.get('gn-1')?.text).toBe('GMNOTESECRET gn-1');
    const { received } = runAndProject(
      s,
      gm,
      'core:update-note',
      { noteId: 'gn-1', patch: { text: 'GMNOTESECRET 2' } },
      p1,
    );
    expect(received).toEqual([]);
  });

  it('lets only GMs edit GM notes, answering players not-found', () => {
    expect(
      errorCode(() =>
        run(populatedTable(), p1, 'core:update-note', { noteId: 'gn-1', patch: { text: 'x' } }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('lets players write, move and delete their own public notes', () => {
    const created = run(populatedTable(), p1, 'core:create-note', {
      sceneId: 's1',
      x: 10,
      y: 10,
      title: 'Trap!',
    });
    const mine = createdId(created.events, 'core:note-created');
    expect(created.state.notes.get(mine)).toMatchObject({ author: p1, visibility: 'public' });
    const s = run(created.state, p1, 'core:update-note', {
      noteId: mine,
      patch: { x: 20, text: 'spikes' },
    }).state;
    expect(errorCode(() => run(s, p2, 'core:update-note', { noteId: mine, patch: { x: 0 } }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(errorCode(() => run(s, p1, 'core:update-note', { noteId: 'n1', patch: { x: 0 } }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-note', { noteId: mine, patch: { visibility: 'gm' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
    expect(run(s, p1, 'core:delete-note', { noteId: mine }).state.notes.get(mine)).toBeUndefined();
  });

  it('refuses players notes on scenes they cannot see', () => {
    expect(
      errorCode(() =>
        run(populatedTable(), p1, 'core:create-note', { sceneId: 's2', x: 0, y: 0, title: 'x' }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('turns a GM note made public into an appearance for players', () => {
    const { received } = runAndProject(
      populatedTable(),
      gm,
      'core:update-note',
      { noteId: 'gn-1', patch: { visibility: 'public' } },
      p2,
    );
    expect(received).toMatchObject([
      { type: 'core:document-synced', payload: { collection: 'notes', id: 'gn-1' } },
    ]);
  });
});
