import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import type { TableActionType } from './action-types.js';
import { ACTION_SCHEMAS } from './action-schemas.js';
import { validateAction } from './validate-action.js';

function failure(action: unknown): { code: string; pointer: unknown } {
  try {
    validateAction(action);
  } catch (error) {
    if (isVttError(error)) return { code: error.code, pointer: error.params.pointer };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('validateAction', () => {
  it('compiles every action schema in strict mode', () => {
    for (const type of Object.keys(ACTION_SCHEMAS) as TableActionType[]) {
      // An empty payload either passes or fails with a VttError; a schema bug would throw something else.
      try {
        validateAction({ type, payload: {} });
      } catch (error) {
        expect(isVttError(error), `${type}: ${String(error)}`).toBe(true);
      }
    }
  });

  it('accepts a valid action and returns it', () => {
    const action = {
      type: 'core:move-token',
      payload: { tokenId: 't1', x: 10, y: 20 },
      clientId: 'c-1',
    };
    expect(validateAction(action)).toBe(action);
  });

  it('names the pointer of a field with the wrong type', () => {
    expect(
      failure({ type: 'core:move-token', payload: { tokenId: 't1', x: 'left', y: 0 } }),
    ).toEqual({
      code: 'VTT_ERR_ACTION_INVALID',
      pointer: '/payload/x',
    });
  });

  it('names the pointer of a missing field', () => {
    expect(failure({ type: 'core:move-token', payload: { tokenId: 't1', x: 0 } }).pointer).toBe(
      '/payload/y',
    );
  });

  it('names the pointer of an unknown field', () => {
    expect(
      failure({ type: 'core:delete-token', payload: { tokenId: 't1', force: true } }).pointer,
    ).toBe('/payload/force');
    expect(failure({ type: 'core:undo', payload: {}, extra: 1 }).pointer).toBe('/extra');
  });

  it('names the pointer inside nested shapes', () => {
    const shape = {
      kind: 'polygon',
      points: [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 'z' },
      ],
    };
    expect(
      failure({ type: 'core:paint-fog', payload: { sceneId: 's', mode: 'reveal', shape } }).pointer,
    ).toBe('/payload/shape/points/2/y');
    expect(
      failure({
        type: 'core:paint-fog',
        payload: { sceneId: 's', mode: 'reveal', shape: { kind: 'circle' } },
      }).pointer,
    ).toBe('/payload/shape/kind');
  });

  it('caps string and array sizes', () => {
    expect(
      failure({ type: 'core:send-message', payload: { text: 'x'.repeat(4_001) } }).pointer,
    ).toBe('/payload/text');
    const whisper = Array.from({ length: 65 }, (_, i) => `u${i}`);
    expect(failure({ type: 'core:send-message', payload: { text: 'hi', whisper } }).pointer).toBe(
      '/payload/whisper',
    );
    expect(
      failure({ type: 'core:create-scene', payload: { name: 'x', id: 'bad id!' } }).pointer,
    ).toBe('/payload/id');
  });

  it('rejects an empty patch and a bad enum value', () => {
    expect(
      failure({ type: 'core:update-token', payload: { tokenId: 't', patch: {} } }).pointer,
    ).toBe('/payload/patch');
    expect(
      failure({ type: 'core:set-member', payload: { userId: 'u', name: 'n', role: 'admin' } })
        .pointer,
    ).toBe('/payload/role');
  });

  it('rejects unknown action types and non-objects', () => {
    expect(failure({ type: 'core:teleport', payload: {} }).code).toBe('VTT_ERR_ACTION_UNKNOWN');
    expect(failure({ type: 'toString', payload: {} }).code).toBe('VTT_ERR_ACTION_UNKNOWN');
    expect(failure('core:undo')).toEqual({ code: 'VTT_ERR_ACTION_INVALID', pointer: '' });
    expect(failure({ payload: {} }).pointer).toBe('/type');
  });

  it('rejects an action over the size cap', () => {
    const data = { blob: 'x'.repeat(300_000) };
    expect(
      failure({ type: 'core:update-actor', payload: { actorId: 'a', patch: { data } } }),
    ).toEqual({ code: 'VTT_ERR_ACTION_INVALID', pointer: '' });
  });
});
