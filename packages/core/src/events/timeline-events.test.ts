import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  populatedTable,
  run,
  USERS,
} from '../../test-support/table-fixture.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2 } = USERS;
const date = { value: 1200, label: '3rd of Frostmoon' };

describe('timeline', () => {
  it('shows public entries to everyone and GM entries to GMs only', () => {
    let s = run(populatedTable(), gm, 'core:create-timeline-entry', {
      id: 'e1',
      date,
      title: 'Coronation',
      visibility: 'public',
    }).state;
    s = run(s, gm, 'core:create-timeline-entry', {
      id: 'e2',
      date,
      title: 'The plot',
      category: 'secret',
    }).state;
    expect(s.timeline.get('e2')?.visibility).toBe('gm'); // a GM's entry is GM-only unless made public
    expect([...viewFor(s, p1).timeline.keys()]).toEqual(['e1']);
    expect([...viewFor(s, gm).timeline.keys()].sort()).toEqual(['e1', 'e2']);
  });

  it('removes links to documents the viewer cannot see', () => {
    const links = [
      { collection: 'tokens', id: 't1' },
      { collection: 'tokens', id: 'hid-1' },
      { collection: 'notes', id: 'gn-1' },
    ] as const;
    const s = run(populatedTable(), gm, 'core:create-timeline-entry', {
      id: 'e1',
      date,
      title: 'Ambush',
      links: [...links],
      visibility: 'public',
    }).state;
    expect(viewFor(s, p1).timeline.get('e1')?.links).toEqual([{ collection: 'tokens', id: 't1' }]);
    expect(viewFor(s, gm).timeline.get('e1')?.links).toHaveLength(3);
  });

  it('lets players write and edit their own public entries only', () => {
    const created = run(populatedTable(), p1, 'core:create-timeline-entry', {
      date,
      title: 'We met',
    });
    const e1 = createdId(created.events, 'core:timeline-entry-created');
    expect(created.state.timeline.get(e1)).toMatchObject({ author: p1, visibility: 'public' });
    const s = run(created.state, p1, 'core:update-timeline-entry', {
      entryId: e1,
      patch: { text: 'In a tavern' },
    }).state;
    expect(
      errorCode(() =>
        run(s, p2, 'core:update-timeline-entry', { entryId: e1, patch: { text: 'x' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-timeline-entry', { entryId: e1, patch: { visibility: 'gm' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
    expect(
      errorCode(() =>
        run(s, p1, 'core:create-timeline-entry', {
          date,
          title: 'x',
          links: [{ collection: 'tokens', id: 'hid-1' }],
        }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });
});
