/**
 * Helpers of the assets tests: images made with sharp, multipart uploads
 * over real HTTP, campaigns with invited members, and GM actions on the
 * live table (the WebSocket API is not there yet).
 */
import { crc32, deflateSync } from 'node:zlib';
import type { JsonValue } from '@vtt/core';
import sharp from 'sharp';
import { request, type JsonAnswer, type TestUser } from './http-client.js';
import type { TestServer } from './test-server.js';

/** A PNG of one colour, or split in two colours down the middle. */
export async function png(
  width: number,
  height: number,
  colour: { r: number; g: number; b: number } = { r: 200, g: 50, b: 50 },
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** A JPEG, for files that lie about their type. */
export async function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny, valid-looking PNG whose header declares `width` x `height` pixels (a decompression bomb's shape). */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(512))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An uploaded asset as the server answers it. */
export interface UploadedAsset {
  id: string;
  name: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  visibility: string;
  url: string;
  thumbUrl: string;
}

/** Uploads `bytes` as multipart over real HTTP. */
export async function upload(
  server: TestServer,
  user: TestUser,
  campaignId: string,
  bytes: Uint8Array,
  options: { fileName?: string; type?: string; name?: string; visibility?: string } = {},
): Promise<JsonAnswer<UploadedAsset & { error?: { code: string; message: string } }>> {
  const form = new FormData();
  if (options.name !== undefined) form.append('name', options.name);
  if (options.visibility !== undefined) form.append('visibility', options.visibility);
  const blob = new Blob(
    [new Uint8Array(bytes)],
    options.type === undefined ? {} : { type: options.type },
  );
  form.append('file', blob, options.fileName ?? 'image.png');
  const res = await fetch(`${server.url}/api/campaigns/${campaignId}/assets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), headers: res.headers, text };
}

/** GETs `path` and answers the raw bytes. */
export async function fetchBytes(
  server: TestServer,
  user: TestUser,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: Buffer; headers: Headers; text: string }> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${user.token}`, ...headers },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, headers: res.headers, text: bytes.toString('latin1') };
}

/** A new campaign of `gm` with the members given by role. */
export async function campaignWith(
  server: TestServer,
  gm: TestUser,
  members: readonly { user: TestUser; role: 'player' | 'observer' }[],
): Promise<string> {
  const made = await request<{ id: string }>(server, 'POST', '/api/campaigns', {
    token: gm.token,
    body: { name: 'Tomb', system: 'dnd5e' },
  });
  if (made.status !== 201) throw new Error(`campaign not made: ${made.text}`);
  for (const { user, role } of members) {
    const invite = await request<{ secret: string }>(
      server,
      'POST',
      `/api/campaigns/${made.body.id}/invites`,
      { token: gm.token, body: { role, expiresInSeconds: 3600, maxUses: 1 } },
    );
    const joined = await request(server, 'POST', '/api/invites/accept', {
      token: user.token,
      body: { secret: invite.body.secret },
    });
    if (joined.status !== 200) throw new Error(`no join: ${joined.text}`);
  }
  return made.body.id;
}

let actionId = 0;

/** Runs core actions on the campaign's live table as `gm`, in order. */
export async function act(
  server: TestServer,
  campaignId: string,
  gm: TestUser,
  ...actions: { type: string; payload: JsonValue }[]
): Promise<void> {
  const table = await server.app.liveTables.open(campaignId);
  for (const action of actions) {
    await table.request(gm.id, { type: 'action', id: `t-${++actionId}`, action });
  }
}
