import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Compiles the QuickJS WebAssembly module (release, sync variant) from the
 * package's `.wasm` file. Runs once per Node host; workers get the compiled
 * module and instantiate it once per sandbox instance.
 *
 * @example
 * const wasmModule = await compileQuickJsWasm();
 */
export async function compileQuickJsWasm(): Promise<WebAssembly.Module> {
  const path = createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm');
  return WebAssembly.compile(await readFile(path));
}
