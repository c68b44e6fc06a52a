/**
 * What a bundle registers, read the way a table reads it: in a real sandbox
 * instance, with the `vttDescribe` reply checked field by field and its hook
 * names checked against core's. For tools (`vtt validate`, `vtt pack`).
 */
import { type ModuleDescription } from '@vtt/core';
import type { SandboxHost } from '../types.js';
import { callInstance } from './call-instance.js';

/**
 * Loads `source` into `host` under a throwaway key, asks it what it
 * registers, and disposes it. Throws the sandbox's error, or
 * `VTT_ERR_MODULE_BAD_REPLY` / `..._PROTOCOL_MISMATCH` for a malformed
 * reply (hook names are not judged here: compare them with `unknownHook`).
 *
 * @example
 * const description = await describeModule({ host, source: bundle });
 * description.hooks.before; // ['core:move-token']
 */
export async function describeModule(options: {
  readonly host: SandboxHost;
  readonly source: string;
  readonly key?: string;
}): Promise<ModuleDescription> {
  const key = options.key ?? 'describe:module';
  const instance = await options.host.createInstance({ key, source: options.source });
  try {
    const result = await callInstance(instance, key, 'describe', null, {});
    if (result === 'needsLoad') throw new Error('describe never answers needsLoad');
    return result.value;
  } finally {
    await instance.dispose();
  }
}
