/**
 * @vtt/server: the game server. Accounts, campaigns, assets and live tables
 * over WebSocket, module rules in the sandbox. See docs/guide/hosting.md.
 */
export { buildApp, createServer } from './create-server.js';
export type { CreateServerOptions, VttServer } from './create-server.js';
export { CONFIG_ENV, DEFAULT_CONFIG, resolveConfig } from './config/server-config.js';
export type { ServerConfig, ServerConfigInput } from './config/server-config.js';
export { installModuleOffline } from './plugins/modules/install-offline.js';
export { createBackup } from './backup/create-backup.js';
export type { BackupResult, CreateBackupOptions } from './backup/create-backup.js';
export { restoreBackup } from './backup/restore-backup.js';
export type { RestoreResult } from './backup/restore-backup.js';
export type { BackupManifest, BackupFile, BackupCampaign } from './backup/backup-format.js';
export type { ArchiveInstallOutcome, ArchiveRefusal } from './plugins/modules/install-archive.js';
export { fetchFromRegistry, parseModuleSpec } from './plugins/registry/fetch-from-registry.js';
export type {
  FetchedModule,
  FetchFromRegistryOptions,
  ModuleSpec,
} from './plugins/registry/fetch-from-registry.js';
export { installFromRegistryOffline } from './plugins/registry/install-from-registry-offline.js';
export type { RegistryInstallOutcome } from './plugins/registry/install-from-registry-offline.js';
export { publishToRegistry } from './plugins/registry/publish-to-registry.js';
export type { PublishToRegistryOptions } from './plugins/registry/publish-to-registry.js';
export { registryBase } from './plugins/registry/registry-http.js';
export type {
  PublishedModule,
  RegistryAuthor,
  RegistryListing,
  RegistryModule,
  RegistryModuleSummary,
  RegistryVersion,
} from './plugins/registry/registry-types.js';
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
