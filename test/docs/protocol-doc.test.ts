import { readFileSync } from 'node:fs';
import {
  CLIENT_MESSAGE_TYPES,
  isVttError,
  parseClientFrame,
  validateClientMessage,
} from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { CLIENT_EXAMPLES, renderProtocolDoc } from '../../scripts/protocol-doc.js';

describe('docs/reference/protocol.md', () => {
  it('is up to date with the protocol (run `npm run docs:protocol` if not)', () => {
    const onDisk = readFileSync(
      new URL('../../docs/reference/protocol.md', import.meta.url),
      'utf8',
    );
    expect(onDisk).toBe(renderProtocolDoc());
  });

  it('shows for every client message an example its schema accepts', () => {
    for (const type of CLIENT_MESSAGE_TYPES) {
      const message = parseClientFrame(JSON.stringify(CLIENT_EXAMPLES[type]));
      expect(validateClientMessage(message)).toEqual(CLIENT_EXAMPLES[type]);
      let refused: unknown;
      try {
        validateClientMessage({ ...message, extra: 1 });
      } catch (error) {
        refused = error;
      }
      expect(isVttError(refused) && refused.code, `${type} refuses unknown fields`).toBe(
        'VTT_ERR_PROTOCOL_INVALID',
      );
      expect((refused as Error).message).toContain('/extra');
    }
  });
});
