/**
 * The checks every client message passes before its schema: size, JSON,
 * nesting depth and keys that could reach an object's prototype. They run
 * without recursion, so a 10,000-deep message costs a loop, not the stack.
 */
import { VttError } from '../errors/vtt-error.js';
import { PROTOCOL_LIMITS } from './protocol-limits.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses one client frame and checks its shape: at most
 * `PROTOCOL_LIMITS.maxMessageBytes`, valid JSON, an object, nested at most
 * `maxDepth`, no `__proto__`, `constructor` or `prototype` key anywhere.
 *
 * @throws VttError `VTT_ERR_PROTOCOL_TOO_LARGE`, `VTT_ERR_PROTOCOL_MALFORMED`,
 * `VTT_ERR_PROTOCOL_TOO_DEEP` or `VTT_ERR_PROTOCOL_FORBIDDEN_KEY`.
 * @example
 * const message = parseClientFrame(text); // then check it against CLIENT_MESSAGE_SCHEMAS
 */
export function parseClientFrame(text: string, limits = PROTOCOL_LIMITS): Record<string, unknown> {
  const bytes = utf8Length(text);
  if (bytes > limits.maxMessageBytes) {
    throw new VttError('VTT_ERR_PROTOCOL_TOO_LARGE', { bytes, max: limits.maxMessageBytes });
  }
  const depth = nestingDepth(text);
  if (depth > limits.maxDepth) {
    throw new VttError('VTT_ERR_PROTOCOL_TOO_DEEP', { max: limits.maxDepth });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new VttError('VTT_ERR_PROTOCOL_MALFORMED', {
      problem: error instanceof Error ? error.message : 'not JSON',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VttError('VTT_ERR_PROTOCOL_MALFORMED', { problem: 'a message is a JSON object' });
  }
  const key = forbiddenKey(value);
  if (key !== null) throw new VttError('VTT_ERR_PROTOCOL_FORBIDDEN_KEY', { key });
  return value as Record<string, unknown>;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Deepest bracket nesting of a JSON text, ignoring brackets inside strings. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

function forbiddenKey(root: object): string | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return null;
}
