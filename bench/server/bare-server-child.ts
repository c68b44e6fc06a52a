/**
 * The baseline of the server benchmark, in a child process: a bare `ws`
 * server with the same fan-out as the real one and nothing else. A socket of
 * `/room/<id>` joins with `join` (answered with a canned snapshot, and a
 * canned presence to the room, gathered over the same 50 ms as the real
 * server's, `PRESENCE_COALESCE_MS`); any other frame is
 * parsed for its id only, relayed as is to every socket of the room (sender
 * included) and acked to the sender. No validation, rules or persistence.
 */
import { type WebSocket, WebSocketServer } from 'ws';
import { type ParentMessage, toParent, usageNow } from './child-process.js';

let snapshot = '{"type":"snapshot"}';
let presence = '{"type":"presence","presence":[]}';
/** The real server's `PRESENCE_COALESCE_MS` (table-room.ts), not imported: the relay loads nothing of ours. */
const PRESENCE_COALESCE_MS = 50;
const rooms = new Map<string, Set<WebSocket>>();
const presenceDue = new Set<Set<WebSocket>>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });

wss.on('connection', (socket, request) => {
  const name = request.url ?? '/';
  let room = rooms.get(name);
  if (room === undefined) rooms.set(name, (room = new Set()));
  const members = room;
  socket.on('message', (data, isBinary) => {
    const message = JSON.parse(String(data)) as { type?: string; id?: string };
    if (message.type === 'join') {
      members.add(socket);
      socket.send(snapshot);
      if (!presenceDue.has(members)) {
        presenceDue.add(members);
        setTimeout(() => {
          presenceDue.delete(members);
          for (const s of members) s.send(presence);
        }, PRESENCE_COALESCE_MS);
      }
      return;
    }
    for (const s of members) s.send(data, { binary: isBinary });
    socket.send(`{"type":"ack","id":${JSON.stringify(message.id)}}`);
  });
  socket.on('close', () => members.delete(socket));
});

process.on('message', (message: ParentMessage) => {
  if (message.type === 'usage') toParent(usageNow());
  else if (message.type === 'canned') {
    snapshot = message.snapshot;
    presence = message.presence;
    toParent({ type: 'canned' });
  } else if (message.type === 'stop') {
    for (const client of wss.clients) client.terminate();
    wss.close(() => process.exit(0));
  }
});
// An orphan (its parent killed) stops.
process.on('disconnect', () => process.exit(1));
wss.on('listening', () => {
  const address = wss.address();
  if (address === null || typeof address === 'string')
    throw new Error(`unexpected address ${address}`);
  toParent({ type: 'ready', url: `http://127.0.0.1:${address.port}`, setupUrl: null });
});
