/**
 * Renders docs/reference/protocol.md from @vtt/core's protocol definition:
 * the client message schemas, close codes and limits, with one checked
 * example per message. `npm run docs:protocol` writes it;
 * test/docs/protocol-doc.test.ts fails when it is stale.
 */
import {
  CLIENT_MESSAGE_SCHEMAS,
  CLIENT_MESSAGE_TYPES,
  CLOSE_CODE_REASONS,
  CLOSE_CODES,
  PROTOCOL_LIMITS,
  type ClientMessageMap,
  type ServerMessageMap,
} from '@vtt/core';

/** One example of every client message, each valid against its schema (the doc test checks). */
export const CLIENT_EXAMPLES: { readonly [K in keyof ClientMessageMap]: ClientMessageMap[K] } = {
  join: { type: 'join', since: 118 },
  action: {
    type: 'action',
    id: 'c-41',
    action: { type: 'core:move-token', payload: { tokenId: 'tok-ana', x: 350, y: 200 } },
  },
  roll: {
    type: 'roll',
    id: 'c-42',
    name: 'attack',
    actorId: 'act-ana',
    args: { itemId: 'itm-sword' },
  },
  initiative: { type: 'initiative', id: 'c-43' },
  chat: { type: 'chat', id: 'c-44', text: '/r 1d20+5', speaker: 'act-ana' },
  macro: { type: 'macro', id: 'c-45', name: 'second-wind', speaker: 'act-ana' },
  derived: { type: 'derived', id: 'c-46', actorId: 'act-ana' },
  'restart-module': { type: 'restart-module', id: 'c-47', moduleId: 'dnd5e' },
  ephemeral: { type: 'ephemeral', kind: 'drag', tokenId: 'tok-ana', x: 320, y: 210 },
};

const SERVER_EXAMPLES: { readonly [K in keyof ServerMessageMap]: unknown } = {
  snapshot: {
    type: 'snapshot',
    seq: 120,
    view: { viewerId: 'u-ana', campaign: { id: 'c1', name: 'Tomb' }, tokens: {}, '...': '...' },
    presence: [{ userId: 'u-gm', name: 'Gwen', role: 'gm', connections: 1 }],
    modules: [{ moduleId: 'dnd5e', state: 'active' }],
  },
  replay: {
    type: 'replay',
    seq: 120,
    events: [
      { seq: 119, type: 'core:token-moved', author: 'u-gm', time: 1764790000000, payload: {} },
    ],
    presence: [],
    modules: [{ moduleId: 'dnd5e', state: 'active' }],
  },
  events: {
    type: 'events',
    events: [
      {
        seq: 121,
        type: 'core:token-moved',
        author: 'u-ana',
        time: 1764790001000,
        payload: { tokenId: 'tok-ana', x: 350, y: 200 },
      },
    ],
  },
  ack: { type: 'ack', id: 'c-41', seq: 121 },
  rejected: {
    type: 'rejected',
    id: 'c-50',
    error: {
      code: 'VTT_ERR_PERMISSION_NOT_OWNER',
      message: 'You do not own tokens "tok-bo". Ask a GM to give you owner rights on it ...',
      params: { collection: 'tokens', id: 'tok-bo' },
    },
  },
  error: {
    type: 'error',
    error: {
      code: 'VTT_ERR_PROTOCOL_MALFORMED',
      message: 'The message is not a JSON object: ...',
      params: {},
    },
  },
  presence: {
    type: 'presence',
    presence: [
      { userId: 'u-gm', name: 'Gwen', role: 'gm', connections: 1 },
      { userId: 'u-ana', name: 'Ana', role: 'player', connections: 2 },
    ],
  },
  ephemeral: { type: 'ephemeral', from: 'u-ana', kind: 'pointer', sceneId: 'scn-1', x: 40, y: 80 },
  modules: { type: 'modules', modules: [{ moduleId: 'dnd5e', state: 'suspended' }] },
};

const CLIENT_PURPOSE: Readonly<Record<keyof ClientMessageMap, string>> = {
  join: 'First message of every connection. `since`: the last seq a reconnecting client applied.',
  action:
    'A core action (`core:*`) or a module custom action (`<module>:*`). Acked once its events are durable; the sender receives those events (up to the `seq` of the ack) before the ack, and they name what it created. Only a GM may give a new document its `id` (`VTT_ERR_DOCUMENT_ID_GM_ONLY`): players leave it out. A document the sender cannot see answers `VTT_ERR_DOCUMENT_NOT_FOUND`, exactly as a missing id.',
  roll: "A module's named roll. The ack's `result` is its typed outcome; the chat card arrives as events.",
  initiative:
    "Rolls initiative with the system's model, for the given combatants or all without one.",
  chat: 'A chat line. `/command args` runs a module chat command; other text is posted.',
  macro: "Runs a module's macro.",
  derived: "An actor's derived data as the sender may see it, in the ack's `result`.",
  'restart-module': 'A GM restarts a suspended module at the table.',
  ephemeral: 'A pointer ping, a token being dragged or "is typing": relayed, never stored.',
};

const SERVER_PURPOSE: Readonly<Record<keyof ServerMessageMap, string>> = {
  snapshot: "The receiver's view of the table at `seq`: every secret removed on the server.",
  replay: 'What a reconnecting client missed since its `since`, projected for it, ending at `seq`.',
  events:
    'Table events projected for the receiver, in seq order. Apply them with `applyViewEvent`.',
  ack: 'A request succeeded; its events are durable. `duplicate: true` repeats the ack of an id already applied.',
  rejected: 'A request was refused; nothing changed. Branch on `error.code`.',
  error: 'A message without a usable id was refused (malformed, unknown type, over the rate).',
  presence:
    'Who is at the table, with their open connections: the whole list, sent when it changed, once for all the joins and leaves of a 50 ms window (a snapshot or replay carries it too).',
  ephemeral: 'An ephemeral message from `from`, sent only to those who may see what it is about.',
  modules: "A module's rules were suspended or restarted.",
};

function json(value: unknown): string {
  return ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
}

/** The full Markdown of the protocol reference. */
export function renderProtocolDoc(): string {
  const lines = [
    '# The live-table protocol',
    '',
    '<!-- Generated by `npm run docs:protocol` from packages/core/src/protocol/. Do not edit. -->',
    '',
    'Clients talk to a live table over one WebSocket per campaign, in JSON text frames,',
    'one message per frame. The message types, their JSON Schemas, the close codes and the',
    'limits are defined once in `@vtt/core` (`CLIENT_MESSAGE_SCHEMAS`, `CLOSE_CODES`,',
    '`PROTOCOL_LIMITS`), so the server, the browser client and any other client share them.',
    '',
    '## Connecting',
    '',
    '`GET /api/campaigns/:campaignId/live`, upgraded to WebSocket. The connection is',
    'authenticated before the upgrade, with either',
    '',
    '- `Authorization: Bearer <access token>` (programs that can set headers), or',
    '- `?ticket=<ticket>`, a one-time ticket valid for 30 s from',
    '  `POST /api/campaigns/:campaignId/live-ticket` (browsers, which cannot set headers',
    '  on a WebSocket).',
    '',
    "A browser's `Origin` must be the server's own origin (its `--public-url` behind a",
    'proxy). A user who is not a member of the campaign gets the same 404 as for a',
    'campaign that does not exist. See [http.md](http.md) for logging in.',
    '',
    '## The flow',
    '',
    '1. The client sends `join` (with `since` when reconnecting).',
    '2. The server answers `snapshot`, or `replay` when the client missed few enough events.',
    '3. The client sends requests (`action`, `roll`, ...), each with a client `id` unique per',
    '   user and campaign. Each gets exactly one `ack` or `rejected` with that `id`. An `ack`',
    "   comes only after the request's events are on disk; a request resent with the same `id`",
    '   after a reconnect is applied once and acked again with `duplicate: true`.',
    '4. Every member receives `events`, projected for them: nobody receives an event about',
    "   what they may not see. Apply them to the view with core's `applyViewEvent`.",
    '',
    '## Client messages',
    '',
  ];
  for (const type of CLIENT_MESSAGE_TYPES) {
    lines.push(
      `### \`${type}\``,
      '',
      CLIENT_PURPOSE[type],
      '',
      'Example:',
      '',
      json(CLIENT_EXAMPLES[type]),
      '',
    );
    lines.push(
      '<details><summary>Schema</summary>',
      '',
      json(CLIENT_MESSAGE_SCHEMAS[type]),
      '',
      '</details>',
      '',
    );
  }
  lines.push('## Server messages', '');
  for (const [type, example] of Object.entries(SERVER_EXAMPLES)) {
    lines.push(
      `### \`${type}\``,
      '',
      SERVER_PURPOSE[type as keyof ServerMessageMap],
      '',
      json(example),
      '',
    );
  }
  lines.push('## Close codes', '', '| code | name | meaning |', '| --- | --- | --- |');
  for (const [name, code] of Object.entries(CLOSE_CODES)) {
    lines.push(`| ${code} | \`${name}\` | ${CLOSE_CODE_REASONS[code]} |`);
  }
  lines.push('', '## Limits', '', '| limit | value |', '| --- | --- |');
  for (const [name, value] of Object.entries(PROTOCOL_LIMITS)) {
    lines.push(`| \`${name}\` | ${value.toLocaleString('en-US')} |`);
  }
  lines.push(
    '',
    'Before its schema, every frame is checked for size, JSON, nesting depth and the keys',
    '`__proto__`, `constructor` and `prototype` (refused anywhere), without recursion',
    '(`parseClientFrame`). Error codes are listed in [errors.md](errors.md) (`VTT_ERR_PROTOCOL_*`).',
    '',
  );
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(new URL('../docs/reference/protocol.md', import.meta.url), renderProtocolDoc());
}
