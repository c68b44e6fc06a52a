/**
 * Small add-on modules for server tests, packed with the SDK's
 * `writeArchive` and installed over HTTP like any other: each registers
 * one action, `<id>:ping`, that posts "pong from <id> <version>" in public
 * chat, so a table shows whether its rules run. The bundle is plain
 * JavaScript speaking the guest protocol, so it can also fail at load.
 */
import { MANIFEST_FILE, MODULE_PROTOCOL_VERSION } from '@vtt/core';
import { writeArchive } from '@vtt/sdk/archive';
import type { VttServer } from '../create-server.js';
import type { JsonAnswer, TestUser } from './http-client.js';

/** Options of {@link addonArchive}. */
export interface AddonOptions {
  readonly version?: string;
  /** The manifest's `dependencies` (module id to semver range). */
  readonly dependencies?: Readonly<Record<string, string>>;
  /** Whether loading the table's state into it throws (its `vttLoad`). */
  readonly throwsAtLoad?: boolean;
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The chat text `<id>:ping` posts. */
export const pong = (id: string, version = '1.0.0'): string => `pong from ${id} ${version}`;

/** A packed add-on `id` (`.vttmod` bytes) whose action `<id>:ping` posts {@link pong}. */
export function addonArchive(id: string, options: AddonOptions = {}): Uint8Array {
  const version = options.version ?? '1.0.0';
  const description = {
    protocol: MODULE_PROTOCOL_VERSION,
    id,
    actions: { [`${id}:ping`]: { schema: { type: 'object' } } },
    hooks: { before: [], after: [] },
    derived: [],
    initiative: false,
    initiativePassStep: null,
    rolls: {},
    chatCommands: {},
    macros: {},
  };
  const message = { kind: 'message', text: pong(id, version), roll: null, whisper: [], data: null };
  const load = options.throwsAtLoad
    ? `export function vttLoad() { throw new Error('${id} broke in load'); }`
    : 'export function vttLoad(call) { if (call.seq !== undefined) seq = call.seq; return { seq }; }';
  const source = `
const description = ${JSON.stringify(description)};
let seq = 0;
export function vttDescribe() { return description; }
${load}
export function vttApply(call) { for (const e of call.events) seq = e.seq; return { seq }; }
export function vttAction() { return { proposals: [${JSON.stringify(message)}] }; }
`;
  const manifest = {
    id,
    name: `Add-on ${id}`,
    version,
    kind: 'addon',
    engine: '^0.1.0',
    entry: 'dist/module.js',
    capabilities: { propose: ['core:send-message'] },
    ...(options.dependencies === undefined ? {} : { dependencies: options.dependencies }),
  };
  return writeArchive({
    files: [
      { path: MANIFEST_FILE, data: text(JSON.stringify(manifest, null, 2)) },
      { path: 'dist/module.js', data: text(source) },
    ],
  });
}

/** Installs `bytes` as `admin` with `POST /api/modules`; throws unless the server answers 201. */
export async function installArchive(
  server: Pick<VttServer, 'url'>,
  admin: Pick<TestUser, 'token'>,
  bytes: Uint8Array,
): Promise<JsonAnswer> {
  const res = await fetch(`${server.url}/api/modules`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${admin.token}` },
    body: bytes as BodyInit,
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`module not installed: ${res.status} ${body}`);
  return {
    status: res.status,
    body: JSON.parse(body) as Record<string, unknown>,
    headers: res.headers,
    text: body,
  };
}
