import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import { validateClientMessage } from './validate-message.js';

function refusal(value: Record<string, unknown>): { code: string; message: string } {
  try {
    validateClientMessage(value);
  } catch (error) {
    if (isVttError(error)) return { code: error.code, message: error.message };
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('validateClientMessage', () => {
  it('names an unknown type and lists the known ones', () => {
    const { code, message } = refusal({ type: 'become-gm' });
    expect(code).toBe('VTT_ERR_PROTOCOL_UNKNOWN_MESSAGE');
    expect(message).toContain('become-gm');
    expect(message).toContain('join, action');
    expect(refusal({}).code).toBe('VTT_ERR_PROTOCOL_UNKNOWN_MESSAGE');
  });

  it('names the field of a wrong type or a missing field', () => {
    expect(refusal({ type: 'join', since: 'yesterday' })).toMatchObject({
      code: 'VTT_ERR_PROTOCOL_INVALID',
      message: expect.stringContaining('/since') as string,
    });
    expect(refusal({ type: 'action', action: { type: 'core:move-token' } }).message).toContain(
      '/id',
    );
    expect(refusal({ type: 'chat', id: 'x'.repeat(65), text: 'hi' }).message).toContain('/id');
    expect(refusal({ type: 'ephemeral', kind: 'scream' }).message).toContain('/kind');
  });

  it('accepts each message as documented', () => {
    expect(validateClientMessage({ type: 'join' })).toEqual({ type: 'join' });
    const action = { type: 'action', id: 'c1', action: { type: 'core:x', payload: { a: [1] } } };
    expect(validateClientMessage(action)).toBe(action);
  });
});
