/**
 * The one `Database` type of the server: every table, every column. Times
 * are ms since the epoch (integers); JSON columns hold text. Migrations in
 * `migrations/` create exactly this.
 */
import type { Insertable, Selectable } from 'kysely';

/** A server account. */
export interface UsersTable {
  id: string;
  /** Login name, unique, compared lower-cased. */
  name: string;
  display_name: string;
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  password_hash: string;
  is_admin: number;
  created_at: number;
}

/** A login: revocable; access tokens name it and die with it. */
export interface SessionsTable {
  id: string;
  user_id: string;
  /** SHA-256 of the refresh secret; the secret itself is never stored. */
  refresh_hash: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  address: string;
}

/** A personal API token: scoped, revocable; the secret itself is never stored. */
export interface ApiTokensTable {
  /** The public part of the token (`vtt_pat_<id>_<secret>`). */
  id: string;
  user_id: string;
  /** What the user called it ("dice bot"). */
  name: string;
  /** SHA-256 (hex) of the secret. */
  secret_hash: string;
  /** The granted scopes, a JSON array of strings. */
  scopes: string;
  created_at: number;
  expires_at: number | null;
  /** Updated at most once a minute. */
  last_used_at: number | null;
  revoked_at: number | null;
}

/** Server-wide values (the setup token's hash, the schema of installed examples...). */
export interface SettingsTable {
  key: string;
  value: string;
}

/** A campaign: one live table. */
export interface CampaignsTable {
  id: string;
  name: string;
  /** The system module's id. */
  system: string;
  created_by: string;
  created_at: number;
  archived_at: number | null;
  /** Seq of the last durable event (0: none). */
  seq: number;
}

/** Who plays in a campaign, with which role (`gm`, `player`, `observer`). */
export interface MembersTable {
  campaign_id: string;
  user_id: string;
  role: string;
  joined_at: number;
}

/** An invite link; only the SHA-256 of its secret is stored. */
export interface InvitesTable {
  id: string;
  campaign_id: string;
  token_hash: string;
  role: string;
  expires_at: number;
  max_uses: number;
  uses: number;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

/** The append-only event log: seq unique per campaign. */
export interface EventsTable {
  campaign_id: string;
  seq: number;
  type: string;
  /** The whole `TableEvent` as JSON. */
  event: string;
}

/** Periodic full states, bounding replay time. */
export interface SnapshotsTable {
  campaign_id: string;
  seq: number;
  /** The whole `TableState` as JSON (secret: the RNG state is in it). */
  state: string;
  created_at: number;
}

/** Client action ids already applied, so a resend is applied once. */
export interface AppliedRequestsTable {
  campaign_id: string;
  user_id: string;
  client_id: string;
  /** The `ack` message sent the first time, as JSON. */
  ack: string;
  created_at: number;
}

/** An uploaded image of a campaign; its bytes live in the blob store by SHA-256. */
export interface AssetsTable {
  id: string;
  campaign_id: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  name: string;
  uploaded_by: string;
  /** Visible to players (`public`) or to GMs only (`gm`). */
  visibility: string;
  created_at: number;
}

/** An installed module version. */
export interface ModulesTable {
  id: string;
  version: string;
  kind: string;
  name: string;
  /** The validated manifest as JSON. */
  manifest: string;
  /** Folder under the data folder's `modules/`, relative. */
  path: string;
  installed_at: number;
  /** 1 for the version campaigns use. */
  active: number;
}

/** Add-on modules a campaign has enabled, in hook order. */
export interface CampaignModulesTable {
  campaign_id: string;
  module_id: string;
  position: number;
}

/** A module id published on this registry, and who owns it (its first publisher). */
export interface RegistryModulesTable {
  id: string;
  kind: string;
  /** The user who first published the id: only they (or an admin) publish later versions. */
  owner_id: string;
  /** The newest published version (semver order). */
  latest: string;
  /** Lower-cased id, name, description and author names of the newest version, for `q`. */
  search: string;
  created_at: number;
  updated_at: number;
}

/** One published version; never replaced. Its archive is `<data>/registry/<path>`. */
export interface RegistryVersionsTable {
  module_id: string;
  version: string;
  kind: string;
  name: string;
  description: string;
  /** The manifest's `authors`, as JSON. */
  authors: string;
  /** The manifest's `engine` range. */
  engine: string;
  /** The manifest's `dependencies`, as a JSON object. */
  dependencies: string;
  /** The archive's verified digest (SHA-256 hex of its canonical listing). */
  digest: string;
  /** SHA-256 hex of the archive's bytes as published. */
  sha256: string;
  size: number;
  /** The archive file, relative to `<data>/registry/`. */
  path: string;
  publisher_id: string;
  published_at: number;
}

/** Every table of the server's database. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  campaigns: CampaignsTable;
  members: MembersTable;
  invites: InvitesTable;
  events: EventsTable;
  snapshots: SnapshotsTable;
  applied_requests: AppliedRequestsTable;
  assets: AssetsTable;
  modules: ModulesTable;
  campaign_modules: CampaignModulesTable;
  registry_modules: RegistryModulesTable;
  registry_versions: RegistryVersionsTable;
}

/** A user row as read. */
export type UserRow = Selectable<UsersTable>;
/** A campaign row as read. */
export type CampaignRow = Selectable<CampaignsTable>;
/** A new event row. */
export type NewEventRow = Insertable<EventsTable>;
