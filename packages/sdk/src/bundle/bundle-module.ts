/**
 * Bundles a module's source into the one self-contained ES module that runs
 * in the sandbox (server and browser): the author's `defineModule` export,
 * the SDK guest runtime and the parts of @vtt/core it uses. Runs in Node
 * (`vtt build`, `@vtt/sdk/testing`).
 */
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { build, type Message, type Plugin } from 'esbuild';

/** One problem found while bundling, as data (esbuild's location). */
export interface BundleDiagnostic {
  readonly text: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly lineText: string | null;
}

/** What {@link bundleModule} returns. `code` is null when there are errors. */
export interface BundleResult {
  readonly code: string | null;
  /** Source map JSON (external), or null. */
  readonly map: string | null;
  readonly errors: readonly BundleDiagnostic[];
  readonly warnings: readonly BundleDiagnostic[];
  /** Files the bundle was built from (for watch mode). */
  readonly inputs: readonly string[];
}

/** Options of {@link bundleModule}. */
export interface BundleOptions {
  /** Path of the module's entry file (exports `default defineModule(...)`). */
  readonly entry: string;
  /** Minify the bundle. Default false: readable stack traces matter more. */
  readonly minify?: boolean;
  /** Produce a source map (returned as `map`). Default true. */
  readonly sourcemap?: boolean;
  /**
   * The module's folder: paths in the bundle's comments and source map are
   * relative to it. Default: the folder above the entry's (`src/..`).
   */
  readonly root?: string;
}

const require = createRequire(import.meta.url);
/** Folder of @vtt/sdk's package.json; @vtt/core is resolved from there too. */
const sdkRoot = dirname(require.resolve('@vtt/sdk/package.json'));
/** The SDK packages bundled into modules, by name, with their folders. */
const bundledPackages = ['@vtt/sdk', '@vtt/core'].map((name) => ({
  name,
  root: dirname(require.resolve(`${name}/package.json`, { paths: [sdkRoot] })),
}));

/**
 * Resolves `@vtt/sdk` and `@vtt/core` to the SDK this toolchain ships, from
 * wherever the module's folder lives on disk, so a module needs nothing
 * installed but the `vtt` CLI.
 */
const vttPackages: Plugin = {
  name: 'vtt-packages',
  setup(builder) {
    builder.onResolve({ filter: /^@vtt\/(sdk|core)(\/.*)?$/ }, async (args) => {
      if (args.pluginData === 'vtt-packages') return undefined;
      const result = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: sdkRoot,
        pluginData: 'vtt-packages',
      });
      return result.errors.length > 0 ? { errors: result.errors } : { path: result.path };
    });
  },
};

/**
 * Renames the SDK's files in the bundle's path comments and source map from
 * their path relative to the module folder (which depends on where the
 * module and the CLI are on disk) to a stable `vtt:@vtt/core/...`, so the
 * same sources give the same bundle in any folder.
 */
function stablePaths(root: string): (text: string) => string {
  const prefixes = bundledPackages.map((pkg) => ({
    from: `${relative(root, pkg.root).split(sep).join('/')}/`,
    to: `vtt:${pkg.name}/`,
  }));
  return (text) => {
    let out = text;
    for (const { from, to } of prefixes) {
      out = out.split(`// ${from}`).join(`// ${to}`).split(`"${from}`).join(`"${to}`);
    }
    return out;
  };
}

const toDiagnostic = (message: Message): BundleDiagnostic => ({
  text: message.text,
  file: message.location?.file ?? null,
  line: message.location?.line ?? null,
  column: message.location?.column ?? null,
  lineText: message.location?.lineText ?? null,
});

/**
 * Bundles `options.entry` into one ES module whose default export is the
 * guest runtime the sandbox calls. Never throws for problems in the module's
 * code: they come back as `errors` with file, line and column.
 *
 * @example
 * const { code, errors } = await bundleModule({ entry: 'src/module.ts' });
 * if (errors.length > 0) report(errors);
 */
export async function bundleModule(options: BundleOptions): Promise<BundleResult> {
  const entry = resolve(options.entry);
  const root = resolve(options.root ?? dirname(dirname(entry)));
  const fromRoot = relative(root, entry).split(sep).join('/');
  const stdin = [
    `import definition from ${JSON.stringify(fromRoot.startsWith('.') ? fromRoot : `./${fromRoot}`)};`,
    `import { createGuestEntry } from '@vtt/sdk/guest';`,
    `export default createGuestEntry(definition);`,
  ].join('\n');
  try {
    const result = await build({
      stdin: { contents: stdin, resolveDir: root, sourcefile: '<vtt-module-entry>', loader: 'js' },
      absWorkingDir: root,
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      conditions: ['@vtt/source'],
      mainFields: ['module', 'main'],
      minify: options.minify ?? false,
      sourcemap: options.sourcemap === false ? false : 'external',
      outfile: 'module.js',
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      plugins: [vttPackages],
    });
    const stable = stablePaths(root);
    const code = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? null;
    const map = result.outputFiles.find((file) => file.path.endsWith('.map'))?.text ?? null;
    return {
      code: code === null ? null : stable(code),
      map: map === null ? null : stable(map),
      errors: result.errors.map(toDiagnostic),
      warnings: result.warnings.map(toDiagnostic),
      inputs: Object.keys(result.metafile?.inputs ?? {}),
    };
  } catch (error) {
    const failure = error as { errors?: Message[]; warnings?: Message[] };
    if (!Array.isArray(failure.errors)) throw error;
    return {
      code: null,
      map: null,
      errors: failure.errors.map(toDiagnostic),
      warnings: (failure.warnings ?? []).map(toDiagnostic),
      inputs: [],
    };
  }
}
