/**
 * The server's settings, from command-line flags, then environment
 * variables, then defaults. A bad value stops the server with an error that
 * names the setting and the fix.
 */
import { resolve } from 'node:path';
import { VttError } from '@vtt/core';

/** Resolved settings of one server. */
export interface ServerConfig {
  /** Address to listen on; 127.0.0.1 by default (this machine only). */
  readonly host: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Absolute path of the data folder (database, assets, modules, keys). */
  readonly dataDir: string;
  /**
   * The address players use (`https://vtt.example.com`), behind a reverse
   * proxy: links and the Origin check use it. Null: `http://host:port`.
   */
  readonly publicUrl: string | null;
  /** Trust X-Forwarded-* headers from these proxies (addresses or CIDRs); none by default. */
  readonly trustProxy: readonly string[];
  /**
   * Other sites whose pages may use this server's API and live sockets with
   * an API token (CORS, and the sockets' Origin check): origins such as
   * `https://blog.example.org`, `null` for pages opened from `file://`, or
   * `*` for any. None by default. Cookies never work cross-origin.
   */
  readonly embedOrigins: readonly string[];
  /** SQLite by default; a `postgres://` URL shares one PostgreSQL between processes. */
  readonly databaseUrl: string | null;
  /** Install the example systems (D&D 5e, Shadowrun, Traveller) on first start. */
  readonly installExamples: boolean;
  /**
   * Folder holding the example systems' module folders (each built, with
   * `dist/`), installed on first start; `vtt serve` passes the repository's
   * `examples/`. Null: none to install.
   */
  readonly examplesDir: string | null;
  /**
   * Folder of the browser app served at `/` (index.html, bundles, service
   * worker). Null: `@vtt/web-components`' `dist/browser`, built by
   * `npm run build`.
   */
  readonly webAppDir: string | null;
  /** Access-token lifetime, in seconds. */
  readonly accessTokenSeconds: number;
  /** Session lifetime (refresh), in seconds. */
  readonly sessionSeconds: number;
  /** Snapshot a table after this many events. */
  readonly snapshotEvery: number;
  /** Unload a table nobody has used for this long, in ms. */
  readonly tableIdleMs: number;
  /** Largest upload, in bytes. */
  readonly maxUploadBytes: number;
  /** Largest image, in pixels (width x height), checked before decoding. */
  readonly maxImagePixels: number;
  /** Largest module archive (`.vttmod`) an admin may upload with `POST /api/modules`, in bytes. */
  readonly maxModuleBytes: number;
  /** Sandbox worker threads. */
  readonly sandboxWorkers: number;
  /** Interval of the live sockets' pings, in ms; a socket that misses two is closed (`IDLE`). */
  readonly livePingMs: number;
  /** A live socket that sends nothing, not even a pong, for this long is closed (`IDLE`), in ms. */
  readonly liveIdleMs: number;
  /** Requests an API token may make a minute (HTTP and socket opens); more answer 429. */
  readonly apiTokenRequestsPerMinute: number;
  /** Minutes between scheduled backups (`vtt backup` run by the server itself); 0: none. */
  readonly backupEveryMinutes: number;
  /** Scheduled backups kept: the oldest beyond this many are deleted. */
  readonly backupKeep: number;
  /** Where scheduled backups go; null: `<data>/backups`. */
  readonly backupDir: string | null;
  /**
   * Whether this server is also a module registry: it lists published
   * modules to anyone and accepts `vtt publish` from its users. Off by default.
   */
  readonly registry: boolean;
  /** Log level of the pino logger (`silent` in tests). */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Settings as given: flags or a test's overrides. Every field is optional. */
export type ServerConfigInput = Partial<{
  [K in keyof ServerConfig]: ServerConfig[K] | string;
}>;

/** The defaults of {@link ServerConfig}, relative to the working directory. */
export const DEFAULT_CONFIG = Object.freeze({
  host: '127.0.0.1',
  port: 7777,
  dataDir: './vtt-data',
  publicUrl: null,
  trustProxy: [] as readonly string[],
  embedOrigins: [] as readonly string[],
  databaseUrl: null,
  installExamples: true,
  examplesDir: null,
  webAppDir: null,
  accessTokenSeconds: 15 * 60,
  sessionSeconds: 30 * 24 * 3600,
  snapshotEvery: 200,
  tableIdleMs: 10 * 60_000,
  maxUploadBytes: 25 * 1024 * 1024,
  maxImagePixels: 100_000_000,
  maxModuleBytes: 32 * 1024 * 1024,
  sandboxWorkers: 2,
  livePingMs: 20_000,
  liveIdleMs: 120_000,
  apiTokenRequestsPerMinute: 600,
  backupEveryMinutes: 0,
  backupKeep: 7,
  backupDir: null,
  registry: false,
  logLevel: 'info' as ServerConfig['logLevel'],
});

/** Environment variables read by {@link resolveConfig}, by setting. */
export const CONFIG_ENV = Object.freeze({
  host: 'VTT_HOST',
  port: 'VTT_PORT',
  dataDir: 'VTT_DATA',
  publicUrl: 'VTT_PUBLIC_URL',
  trustProxy: 'VTT_TRUST_PROXY',
  embedOrigins: 'VTT_EMBED_ORIGINS',
  databaseUrl: 'VTT_DATABASE_URL',
  logLevel: 'VTT_LOG_LEVEL',
  backupEveryMinutes: 'VTT_BACKUP_EVERY',
  backupKeep: 'VTT_BACKUP_KEEP',
  backupDir: 'VTT_BACKUP_DIR',
  maxUploadBytes: 'VTT_MAX_UPLOAD_BYTES',
  maxImagePixels: 'VTT_MAX_IMAGE_PIXELS',
  maxModuleBytes: 'VTT_MAX_MODULE_BYTES',
  apiTokenRequestsPerMinute: 'VTT_API_TOKEN_RATE',
  registry: 'VTT_REGISTRY',
} as const);

/** Flag names of the settings, for error messages. */
const FLAG: Partial<Record<keyof ServerConfig, string>> = {
  host: '--host',
  port: '--port',
  dataDir: '--data',
  publicUrl: '--public-url',
  trustProxy: '--trust-proxy',
  embedOrigins: '--embed-origins',
  databaseUrl: '--database-url',
  logLevel: '--log-level',
  backupEveryMinutes: '--backup-every',
  backupKeep: '--backup-keep',
  backupDir: '--backup-dir',
  registry: '--registry',
};

function settingName(key: keyof ServerConfig): string {
  const env = (CONFIG_ENV as Partial<Record<keyof ServerConfig, string>>)[key];
  const flag = FLAG[key];
  return flag !== undefined && env !== undefined ? `${flag} (${env})` : (flag ?? key);
}

function invalid(key: keyof ServerConfig, value: unknown, problem: string, fix: string): never {
  throw new VttError('VTT_ERR_CONFIG_INVALID', {
    setting: settingName(key),
    value: String(value),
    problem,
    fix,
  });
}

function integer(key: keyof ServerConfig, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < min || n > max || String(value).trim() === '') {
    invalid(
      key,
      value,
      `it must be a whole number from ${min} to ${max}`,
      `Give a number from ${min} to ${max}.`,
    );
  }
  return n;
}

/** A number of minutes from `min` to `max`, fractions allowed (0.5: 30 s). */
function minutes(key: keyof ServerConfig, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n) || (n !== 0 && (n < min || n > max)) || String(value).trim() === '') {
    invalid(
      key,
      value,
      `it must be 0 (none) or a number of minutes from ${min} to ${max}`,
      `Give minutes, e.g. 360 for every 6 hours, or 0 for no scheduled backups.`,
    );
  }
  return n;
}

function publicUrl(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return invalid(
      'publicUrl',
      value,
      'it is not a URL',
      'Give the full address players open, such as https://vtt.example.com.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(
      'publicUrl',
      value,
      'it must start with http:// or https://',
      'Give the full address players open, such as https://vtt.example.com.',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    invalid(
      'publicUrl',
      value,
      'it must not have a query or a fragment',
      'Give only the origin and, if any, a path.',
    );
  }
  return url.href.replace(/\/$/, '');
}

/** A yes/no setting: true, false, 1, 0, yes, no, on or off. */
function flag(key: keyof ServerConfig, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(text)) return false;
  return invalid(key, value, 'it is neither on nor off', 'Give 1 (on) or 0 (off).');
}

/** A comma-separated (or array) list setting, trimmed, without empty entries. */
function list(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((s) => String(s).trim()).filter((s) => s !== '')
    : String(value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/** Origins (`https://host[:port]`), `null` or `*`, normalised to what browsers send. */
function embedOrigins(value: unknown): string[] {
  const fix =
    'Give origins such as https://blog.example.org (no path), null for file:// pages, or *.';
  return list(value).map((entry) => {
    if (entry === '*' || entry === 'null') return entry;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return invalid('embedOrigins', entry, 'it is not an origin', fix);
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== entry.replace(/\/$/, '')
    ) {
      invalid('embedOrigins', entry, 'it must be scheme://host[:port] with nothing after it', fix);
    }
    return url.origin;
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Resolves the settings: `input` (flags) first, then `env`, then
 * {@link DEFAULT_CONFIG}.
 *
 * @throws VttError `VTT_ERR_CONFIG_INVALID` naming the setting and the fix.
 * @example
 * const config = resolveConfig({ port: '0', dataDir: tmp }, process.env);
 */
export function resolveConfig(
  input: ServerConfigInput = {},
  env: Readonly<Record<string, string | undefined>> = {},
): ServerConfig {
  const pick = <K extends keyof ServerConfig>(key: K): unknown => {
    if (input[key] !== undefined) return input[key];
    const name = (CONFIG_ENV as Partial<Record<keyof ServerConfig, string>>)[key];
    const fromEnv = name === undefined ? undefined : env[name];
    return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_CONFIG[key];
  };
  const host = String(pick('host')).trim();
  if (host === '' || /[\s/]/.test(host)) {
    invalid(
      'host',
      host,
      'it is not an address',
      'Give an address such as 127.0.0.1 (this machine) or 0.0.0.0 (every interface).',
    );
  }
  const logLevel = String(pick('logLevel'));
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    invalid(
      'logLevel',
      logLevel,
      `it is not one of ${LOG_LEVELS.join(', ')}`,
      `Use one of ${LOG_LEVELS.join(', ')}.`,
    );
  }
  const trustProxy = list(pick('trustProxy'));
  const databaseUrl = pick('databaseUrl');
  if (
    databaseUrl !== null &&
    databaseUrl !== undefined &&
    databaseUrl !== '' &&
    !/^postgres(ql)?:\/\//.test(String(databaseUrl))
  ) {
    invalid(
      'databaseUrl',
      databaseUrl,
      'only postgres:// URLs are supported',
      'Leave it out for the SQLite database in the data folder, or give postgres://user@host:5432/db.',
    );
  }
  return {
    host,
    port: integer('port', pick('port'), 0, 65535),
    dataDir: resolve(String(pick('dataDir'))),
    publicUrl: publicUrl(pick('publicUrl')),
    trustProxy,
    embedOrigins: embedOrigins(pick('embedOrigins')),
    databaseUrl:
      databaseUrl === null || databaseUrl === undefined || databaseUrl === ''
        ? null
        : String(databaseUrl),
    installExamples: pick('installExamples') !== false && pick('installExamples') !== 'false',
    examplesDir: pick('examplesDir') === null ? null : resolve(String(pick('examplesDir'))),
    webAppDir:
      pick('webAppDir') === null || pick('webAppDir') === undefined || pick('webAppDir') === ''
        ? null
        : resolve(String(pick('webAppDir'))),
    accessTokenSeconds: integer('accessTokenSeconds', pick('accessTokenSeconds'), 10, 24 * 3600),
    sessionSeconds: integer('sessionSeconds', pick('sessionSeconds'), 60, 365 * 24 * 3600),
    snapshotEvery: integer('snapshotEvery', pick('snapshotEvery'), 1, 1_000_000),
    tableIdleMs: integer('tableIdleMs', pick('tableIdleMs'), 100, 7 * 24 * 3600_000),
    maxUploadBytes: integer('maxUploadBytes', pick('maxUploadBytes'), 1024, 1024 * 1024 * 1024),
    maxImagePixels: integer('maxImagePixels', pick('maxImagePixels'), 1024, 1_000_000_000),
    maxModuleBytes: integer('maxModuleBytes', pick('maxModuleBytes'), 1024, 1024 * 1024 * 1024),
    sandboxWorkers: integer('sandboxWorkers', pick('sandboxWorkers'), 1, 64),
    livePingMs: integer('livePingMs', pick('livePingMs'), 50, 3600_000),
    liveIdleMs: integer('liveIdleMs', pick('liveIdleMs'), 100, 24 * 3600_000),
    apiTokenRequestsPerMinute: integer(
      'apiTokenRequestsPerMinute',
      pick('apiTokenRequestsPerMinute'),
      1,
      1_000_000,
    ),
    backupEveryMinutes: minutes('backupEveryMinutes', pick('backupEveryMinutes'), 0.001, 525_600),
    backupKeep: integer('backupKeep', pick('backupKeep'), 1, 10_000),
    backupDir:
      pick('backupDir') === null || pick('backupDir') === undefined || pick('backupDir') === ''
        ? null
        : resolve(String(pick('backupDir'))),
    registry: flag('registry', pick('registry')),
    logLevel: logLevel as ServerConfig['logLevel'],
  };
}
