/**
 * The module registry (`vtt serve --registry`): each published module id
 * with its owner (its first publisher), and each published version; the
 * archives themselves live in the data folder's `registry/`.
 */
import type { Kysely } from 'kysely';

/** Creates `registry_modules` and `registry_versions`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry_modules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('latest', 'text', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_versions')
    .addColumn('module_id', 'text', (c) =>
      c.notNull().references('registry_modules.id').onDelete('cascade'),
    )
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('dependencies', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('publisher_id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_versions_pk', ['module_id', 'version'])
    .execute();
}

/** Drops the registry's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('registry_versions').ifExists().execute();
  await db.schema.dropTable('registry_modules').ifExists().execute();
}
