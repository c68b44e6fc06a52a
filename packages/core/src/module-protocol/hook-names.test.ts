import { describe, expect, it } from 'vitest';
import { ACTION_SCHEMAS } from '../actions/action-schemas.js';
import { CORE_ACTION_TYPES, CORE_EVENT_TYPES, unknownHook } from './hook-names.js';

describe('hook names', () => {
  it('lists every core action (as the schemas do) and event', () => {
    expect([...CORE_ACTION_TYPES].sort()).toEqual(Object.keys(ACTION_SCHEMAS).sort());
    expect(CORE_EVENT_TYPES).toContain('core:token-moved');
  });

  it('accepts core names and suggests the closest for a typo', () => {
    expect(unknownHook('before', 'core:move-token')).toBeUndefined();
    expect(unknownHook('after', 'core:message-posted')).toBeUndefined();
    expect(unknownHook('before', 'core:move-tokn')).toEqual({
      phase: 'before',
      name: 'core:move-tokn',
      kind: 'action',
      suggestion: 'core:move-token',
    });
    expect(unknownHook('after', 'core:move-token')).toMatchObject({ kind: 'event' });
    expect(unknownHook('before', 'toString')).toMatchObject({ name: 'toString' });
  });
});
