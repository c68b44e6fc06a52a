/**
 * @vtt/server: the game server. Accounts, campaigns, assets and live tables
 * over WebSocket, module rules in the sandbox. See docs/guide/hosting.md.
 */
export { buildApp, createServer } from './create-server.js';
export type { CreateServerOptions, VttServer } from './create-server.js';
export { CONFIG_ENV, DEFAULT_CONFIG, resolveConfig } from './config/server-config.js';
export type { ServerConfig, ServerConfigInput } from './config/server-config.js';
export type { Database } from './persistence/database-schema.js';
export { openDatabase } from './persistence/open-database.js';
export type { OpenDatabase } from './persistence/open-database.js';
export { ServerBus } from './server-bus.js';
export type { ServerBusEvents } from './server-bus.js';
export type {
  AuthService,
  AuthUser,
  CampaignService,
  ModuleService,
  SessionTokens,
  TableService,
} from './server-types.js';
