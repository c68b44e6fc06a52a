/**
 * A small packed system for the registry's tests, made with the SDK's
 * `writeArchive`: its bundle speaks the guest protocol in plain JavaScript.
 */
import { MANIFEST_FILE, MODULE_PROTOCOL_VERSION } from '@vtt/core';
import { writeArchive } from '@vtt/sdk/archive';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** What {@link pack} varies. */
export interface ModuleOptions {
  readonly id?: string;
  readonly kind?: 'system' | 'addon';
  readonly engine?: string;
  readonly description?: string;
}

/**
 * A packed system `id@version` whose action `<id>:version` is refused with
 * "<id> <version>", so a table shows which version it runs.
 */
export function pack(version: string, options: ModuleOptions = {}): Uint8Array {
  const id = options.id ?? 'star-probe';
  const description = {
    protocol: MODULE_PROTOCOL_VERSION,
    id,
    actions: { [`${id}:version`]: { schema: { type: 'object' } } },
    hooks: { before: [], after: [] },
    derived: [],
    initiative: false,
    initiativePassStep: null,
    rolls: {},
    chatCommands: {},
    macros: {},
  };
  const source = `
const description = ${JSON.stringify(description)};
let seq = 0;
export function vttDescribe() { return description; }
export function vttLoad(call) { if (call.seq !== undefined) seq = call.seq; return { seq }; }
export function vttApply(call) { for (const e of call.events) seq = e.seq; return { seq }; }
export function vttAction() { return { rejected: { reason: ${JSON.stringify(`${id} ${version}`)} } }; }
`;
  const manifest = {
    id,
    name: `Star Probe ${id}`,
    version,
    kind: options.kind ?? 'system',
    engine: options.engine ?? '^0.1.0',
    entry: 'dist/module.js',
    description: options.description ?? 'Space opera rules for probing stars.',
    authors: [{ name: 'Alice Author', email: 'alice@example.com' }],
    actorTypes: { hero: { label: 'Hero', schema: { type: 'object' } } },
  };
  return writeArchive({
    files: [
      { path: MANIFEST_FILE, data: text(JSON.stringify(manifest, null, 2)) },
      { path: 'dist/module.js', data: text(source) },
    ],
  });
}
