/** The database: opened and migrated at start, closed on close. */
import fp from 'fastify-plugin';
import { openDatabase } from '../persistence/open-database.js';

/** Decorates `db` and `dbInfo`. */
export const persistencePlugin = fp(
  async (app) => {
    const opened = await openDatabase(app.vttConfig);
    app.decorate('dbInfo', opened);
    app.decorate('db', opened.db);
    app.addHook('onClose', async () => {
      await opened.db.destroy();
    });
  },
  { name: 'vtt-persistence', dependencies: ['vtt-data-dir'] },
);
