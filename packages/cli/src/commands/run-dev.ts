import { existsSync, watch } from 'node:fs';
import { resolve } from 'node:path';
import { createSandboxHost, type SandboxHost } from '@vtt/sandbox';
import { CliError, type CliIo } from '../lib/io.js';
import { cliError } from '../lib/cli-error.js';
import { printFailure, progress, result } from '../lib/report.js';
import { serverBase, serverRequest } from '../lib/server-request.js';
import { packModule } from '../lib/pack-module.js';

/** Options of `vtt dev`. */
export interface DevOptions {
  /** The running server's URL; `VTT_SERVER` when left out. */
  readonly server?: string;
  /** An admin's API token with `modules:install`; `VTT_TOKEN` when left out. */
  readonly token?: string;
  /** Keep the development build on the server when `vtt dev` stops. */
  readonly keep: boolean;
  readonly entry?: string;
  readonly json: boolean;
  /** Stops watching (tests and embedders); the CLI stops on Ctrl-C. */
  readonly signal?: AbortSignal;
}

/** One table's outcome, as the server answers it. */
interface TableAnswer {
  readonly campaignId: string;
  readonly reloaded: boolean;
  readonly error?: { readonly code: string; readonly message: string };
}

/** What one save led to, printed as a line (or with --json as one JSON line). */
export interface DevReload {
  readonly ok: boolean;
  readonly id?: string;
  readonly version?: string;
  readonly digest?: string;
  readonly tables?: readonly TableAnswer[];
  /** Validating, building and packing, in ms. */
  readonly packMs: number;
  /** The upload, the server's checks and the reloads, in ms. */
  readonly serverMs: number;
}

/** Whether a changed path (relative to the module folder) is the author's, not the build's. */
function authored(name: string): boolean {
  return !(
    name === '' ||
    name.startsWith('dist') ||
    name.startsWith('.') ||
    name.endsWith('.vttmod') ||
    name.includes('node_modules')
  );
}

/**
 * Packs the module in `dirArg`, sends it to the running server as a
 * development build, and does so again on every save until
 * `options.signal` aborts (or Ctrl-C); then, unless `keep`, drops the
 * build so the server's tables run the installed version again. A build
 * that fails is printed and not sent: the tables keep the last good rules.
 *
 * @returns every reload, in order (for tests).
 */
export async function runDev(
  dirArg: string,
  options: DevOptions,
  io: CliIo,
): Promise<readonly DevReload[]> {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) throw cliError('VTT_ERR_PROJECT_DIR_MISSING', { dir });
  const serverArg = options.server ?? process.env['VTT_SERVER'];
  if (serverArg === undefined || serverArg === '') throw cliError('VTT_ERR_DEV_NO_SERVER');
  const server = serverBase(serverArg);
  const tokenArg = options.token ?? process.env['VTT_TOKEN'];
  const token = tokenArg === undefined || tokenArg === '' ? undefined : tokenArg;
  const reloads: DevReload[] = [];
  // One warm sandbox for every save's registration check: a new one takes about a second.
  const host = await createSandboxHost({ workers: 1 });
  try {
    return await watchAndSend(dir, { ...options, server, token, host }, reloads, io);
  } finally {
    await host.close();
  }
}

async function watchAndSend(
  dir: string,
  options: DevOptions & {
    readonly server: string;
    readonly token: string | undefined;
    readonly host: SandboxHost;
  },
  reloads: DevReload[],
  io: CliIo,
): Promise<readonly DevReload[]> {
  const { server, token, host } = options;
  let sentId: string | undefined;

  const report = (reload: DevReload, failure?: CliError) => {
    reloads.push(reload);
    if (options.json) {
      io.stdout(
        `${JSON.stringify(failure === undefined ? reload : { ...reload, errors: failure.errors })}\n`,
      );
      return;
    }
    if (failure !== undefined) {
      printFailure(io, failure, false);
      progress(io, 'the tables keep the rules they ran before; save again to retry');
      return;
    }
    const tables = reload.tables ?? [];
    const failed = tables.filter((t) => !t.reloaded);
    result(
      io,
      `reloaded ${reload.id}@${reload.version} into ${tables.length - failed.length} table${tables.length - failed.length === 1 ? '' : 's'} in ${Math.round(reload.packMs + reload.serverMs)} ms (pack ${Math.round(reload.packMs)} ms, server ${Math.round(reload.serverMs)} ms)`,
    );
    if (tables.length === 0)
      progress(io, 'no table is loaded right now: a table takes it when it loads');
    for (const table of failed) {
      io.stderr(
        `error: campaign ${table.campaignId} keeps its previous rules: ${table.error?.code ?? ''} ${table.error?.message ?? ''}\n`,
      );
    }
  };

  const once = async () => {
    const started = performance.now();
    let packMs = 0;
    try {
      const packed = await packModule(
        dir,
        { host, ...(options.entry === undefined ? {} : { entry: options.entry }) },
        io,
      );
      packMs = performance.now() - started;
      progress(io, `sending ${packed.manifest.id}@${packed.manifest.version} to ${server}...`);
      const answer = (await serverRequest({
        server,
        method: 'POST',
        path: '/api/modules/dev',
        ...(token === undefined ? {} : { token }),
        body: packed.archive,
        what: 'the development build',
      })) as { id: string; version: string; digest: string; tables: TableAnswer[] };
      sentId = answer.id;
      report({
        ok: true,
        id: answer.id,
        version: answer.version,
        digest: answer.digest,
        tables: answer.tables,
        packMs,
        serverMs: performance.now() - started - packMs,
      });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const now = performance.now() - started;
      report({ ok: false, packMs: packMs || now, serverMs: packMs ? now - packMs : 0 }, error);
    }
  };

  await once();
  progress(io, `watching ${dir} for changes (Ctrl-C to stop)`);
  await new Promise<void>((done) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = Promise.resolve();
    let again = false;
    let busy = false;
    const run = () => {
      if (busy) {
        again = true; // one more pass after this one, however many saves came meanwhile
        return;
      }
      busy = true;
      running = once().finally(() => {
        busy = false;
        if (again) {
          again = false;
          run();
        }
      });
    };
    const watcher = watch(dir, { recursive: true }, (_event, file) => {
      if (!authored(String(file ?? ''))) return;
      clearTimeout(timer);
      timer = setTimeout(run, 30);
    });
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      process.off('SIGINT', stop);
      again = false;
      void running.then(done, done);
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });

  if (sentId !== undefined && !options.keep) {
    try {
      const answer = (await serverRequest({
        server,
        method: 'DELETE',
        path: `/api/modules/dev/${sentId}`,
        ...(token === undefined ? {} : { token }),
        what: 'dropping the development build',
      })) as { version: string; tables: TableAnswer[] };
      progress(
        io,
        `the server's tables run ${sentId}@${answer.version} as installed again (${answer.tables.length} reloaded)`,
      );
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      printFailure(io, error, options.json);
    }
  }
  return reloads;
}
