/** Options of {@link buildBrowser}. */
export interface BuildBrowserOptions {
  /** Output folder, emptied first (default `dist/browser`). */
  readonly outDir?: string;
  /** Minify (default true). */
  readonly minify?: boolean;
  /** Skip printing the size table. */
  readonly quiet?: boolean;
}

/** One written file with its raw and gzip sizes in bytes. */
export interface BuiltFile {
  readonly name: string;
  readonly bytes: number;
  readonly gzip: number;
}

/** Builds the browser bundles, the app shell and the service worker into `outDir`. */
export function buildBrowser(
  options?: BuildBrowserOptions,
): Promise<{ outDir: string; files: BuiltFile[] }>;
