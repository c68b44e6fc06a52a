import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { inspectArchive } from '@vtt/sdk/archive';
import type { CliIo } from '../lib/io.js';
import { packModule } from '../lib/pack-module.js';

/** Options of `vtt pack`. */
export interface PackOptions {
  readonly out?: string;
  readonly entry?: string;
  readonly json: boolean;
}

/** What `vtt pack` wrote. */
export interface PackResult {
  readonly file: string;
  readonly bytes: number;
  readonly digest: string;
  readonly files: readonly string[];
}

/** Validates, builds and packs the module in `dirArg` into one reproducible archive. */
export async function runPack(
  dirArg: string,
  options: PackOptions,
  io: CliIo,
): Promise<PackResult> {
  const dir = resolve(dirArg);
  const { manifest, archive, files } = await packModule(
    dir,
    options.entry === undefined ? {} : { entry: options.entry },
    io,
  );
  const out = resolve(dir, options.out ?? `${manifest.id}-${manifest.version}.vttmod`);
  await writeFile(out, archive);
  // Read the archive back through the hardened reader: what we publish verifies, and gives the digest.
  const digest = inspectArchive(archive).digest;
  const result: PackResult = { file: out, bytes: archive.length, digest, files };
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else
    io.stdout(
      `packed ${relative(process.cwd(), out) || out} (${(archive.length / 1024).toFixed(1)} KiB, ${files.length} files)\nsha256 ${digest}\n`,
    );
  return result;
}
