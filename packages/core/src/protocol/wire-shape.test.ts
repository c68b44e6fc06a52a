import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import { PROTOCOL_LIMITS } from './protocol-limits.js';
import { parseClientFrame } from './wire-shape.js';

function codeOf(text: string): string | false {
  try {
    parseClientFrame(text);
    return false;
  } catch (error) {
    return isVttError(error) && error.code;
  }
}

describe('parseClientFrame', () => {
  it('parses a message object', () => {
    expect(parseClientFrame('{"type":"join","since":4}')).toEqual({ type: 'join', since: 4 });
  });

  it('refuses 10,000-deep nesting without parsing it', () => {
    const deep = '{"type":"action","x":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    expect(codeOf(deep)).toBe('VTT_ERR_PROTOCOL_TOO_DEEP');
    const brackets = '{"type":"chat","text":"' + '['.repeat(500) + '"}';
    expect(parseClientFrame(brackets)['text']).toHaveLength(500);
  });

  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    expect(codeOf('{"type":"action","action":{"payload":{"__proto__":{"isGm":true}}}}')).toBe(
      'VTT_ERR_PROTOCOL_FORBIDDEN_KEY',
    );
    expect(codeOf('{"a":[{"b":{"constructor":1}}]}')).toBe('VTT_ERR_PROTOCOL_FORBIDDEN_KEY');
    expect(codeOf('{"a":"__proto__"}')).toBe(false);
  });

  it('refuses malformed JSON, non-objects and frames over the size cap', () => {
    expect(codeOf('{"type":')).toBe('VTT_ERR_PROTOCOL_MALFORMED');
    expect(codeOf('[1,2]')).toBe('VTT_ERR_PROTOCOL_MALFORMED');
    expect(codeOf('null')).toBe('VTT_ERR_PROTOCOL_MALFORMED');
    const big = JSON.stringify({
      type: 'chat',
      text: 'é'.repeat(PROTOCOL_LIMITS.maxMessageBytes / 2),
    });
    expect(codeOf(big)).toBe('VTT_ERR_PROTOCOL_TOO_LARGE');
  });
});
