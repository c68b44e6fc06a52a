/**
 * `createServer(config)`: the whole game server as one Fastify instance,
 * one plugin per concern. `vtt serve` is a thin command over it, and tests
 * start real servers in-process on port 0.
 */
import { VttError } from '@vtt/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  resolveConfig,
  type ServerConfig,
  type ServerConfigInput,
} from './config/server-config.js';
import { assetsPlugin } from './plugins/assets/assets-plugin.js';
import { authPlugin } from './plugins/auth/auth-plugin.js';
import { campaignsPlugin } from './plugins/campaigns/campaigns-plugin.js';
import { modulesPlugin } from './plugins/modules/modules-plugin.js';
import { registryPlugin } from './plugins/registry/registry-plugin.js';
import { dataDirPlugin } from './plugins/data-dir-plugin.js';
import { embedOriginsPlugin } from './plugins/embed-origins-plugin.js';
import { errorsPlugin } from './plugins/errors-plugin.js';
import { backupPlugin } from './plugins/backup-plugin.js';
import { healthPlugin } from './plugins/health-plugin.js';
import { metricsPlugin } from './plugins/metrics-plugin.js';
import { openapiPlugin } from './plugins/openapi-plugin.js';
import { persistencePlugin } from './plugins/persistence-plugin.js';
import { realtimePlugin } from './plugins/realtime/realtime-plugin.js';
import { historyPlugin } from './plugins/tables/history-plugin.js';
import { tablesPlugin } from './plugins/tables/tables-plugin.js';
import { webAppPlugin } from './plugins/web-app/web-app-plugin.js';
import { ServerBus } from './server-bus.js';
import './server-types.js';
import { validatorCompiler } from './http/validation.js';

/** A started server. */
export interface VttServer {
  readonly app: FastifyInstance;
  readonly config: ServerConfig;
  /** Where the server listens, e.g. `http://127.0.0.1:7777` (the public URL when one is set). */
  readonly url: string;
  /** The one-time link that makes the first admin; null once an admin exists. */
  readonly setupUrl: string | null;
  /** Stops accepting, finishes in-flight actions, flushes and closes everything. */
  close(): Promise<void>;
}

/** Options of {@link createServer} beyond the settings. */
export interface CreateServerOptions {
  /** Environment variables to read settings from (default: none; `vtt serve` passes `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A pino destination for the log (tests capture it to check nothing secret is logged). */
  readonly logStream?: { write(line: string): void };
}

/** A campaign id in a request path (`/api/campaigns/<uuid>...`), for its log lines. */
const CAMPAIGN_PATH =
  /^\/api\/campaigns\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?]|$)/;

/**
 * Builds the Fastify app with every plugin, without listening: for
 * `inject` in tests and for {@link createServer}.
 */
export async function buildApp(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["sec-websocket-protocol"]',
        ],
        censor: '[redacted]',
      },
      // The path only: query strings may carry one-time tickets and invite secrets.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          ip: req.ip,
        }),
      },
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    },
    // Every log line of a campaign's request names the campaign (the request id is pino's reqId).
    childLoggerFactory: (logger, bindings, options, rawReq) => {
      const campaignId = CAMPAIGN_PATH.exec(rawReq.url ?? '')?.[1];
      return logger.child(
        campaignId === undefined ? bindings : { ...bindings, campaignId },
        options,
      );
    },
    trustProxy: config.trustProxy.length === 0 ? false : [...config.trustProxy],
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.decorate('vttConfig', config);
  app.decorate('bus', new ServerBus());
  await app.register(errorsPlugin);
  await app.register(embedOriginsPlugin);
  await app.register(openapiPlugin);
  await app.register(dataDirPlugin);
  await app.register(persistencePlugin);
  await app.register(authPlugin);
  await app.register(metricsPlugin);
  await app.register(modulesPlugin);
  await app.register(registryPlugin);
  await app.register(tablesPlugin);
  await app.register(healthPlugin);
  await app.register(campaignsPlugin);
  await app.register(historyPlugin);
  await app.register(assetsPlugin);
  await app.register(realtimePlugin);
  await app.register(backupPlugin);
  await app.register(webAppPlugin);
  return app;
}

/**
 * Resolves the settings, builds the app and listens.
 *
 * @throws VttError `VTT_ERR_CONFIG_INVALID` for a bad setting, `VTT_ERR_CONFIG_PORT_IN_USE`.
 * @example
 * const server = await createServer({ port: 0, dataDir: tmp, logLevel: 'silent' });
 * console.log(server.url, server.setupUrl);
 * await server.close();
 */
export async function createServer(
  input: ServerConfigInput = {},
  options: CreateServerOptions = {},
): Promise<VttServer> {
  const config = resolveConfig(input, options.env ?? {});
  const app = await buildApp(config, options);
  let address: string;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new VttError(
        'VTT_ERR_CONFIG_PORT_IN_USE',
        { port: config.port, host: config.host },
        { cause: error },
      );
    }
    throw error;
  }
  const port = (app.server.address() as { port: number }).port;
  const local = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const url = config.publicUrl ?? local;
  void address;
  const setupToken = app.hasDecorator('setupToken') ? app.setupToken : null;
  return {
    app,
    config: { ...config, port },
    url,
    setupUrl: setupToken === null ? null : `${url}/setup#${setupToken}`,
    close: () => app.close(),
  };
}
