/**
 * Campaigns (plugin `vtt-campaigns`): create, list, rename, archive and
 * delete; members and roles; add-on modules; invite links. Decorates `app.campaigns`
 * ({@link CampaignService}).
 */
import fp from 'fastify-plugin';
import { registerAddonRoutes } from './addon-routes.js';
import { createCampaignService } from './campaign-access.js';
import { registerCampaignRoutes } from './campaign-routes.js';
import { registerInviteRoutes } from './invite-routes.js';
import { registerMemberRoutes } from './member-routes.js';
import { registerTransferRoutes } from './transfer-routes.js';

/** Decorates `campaigns`; adds the campaign, member and invite routes. */
export const campaignsPlugin = fp(
  async (app) => {
    app.decorate('campaigns', createCampaignService(app.db));
    registerCampaignRoutes(app);
    registerMemberRoutes(app);
    registerAddonRoutes(app);
    await registerTransferRoutes(app);
    const base = () => {
      if (app.vttConfig.publicUrl !== null) return app.vttConfig.publicUrl;
      const address = app.server.address();
      const port =
        typeof address === 'object' && address !== null ? address.port : app.vttConfig.port;
      return `http://${app.vttConfig.host}:${port}`;
    };
    registerInviteRoutes(app, base);
  },
  { name: 'vtt-campaigns', dependencies: ['vtt-persistence', 'vtt-auth', 'vtt-modules'] },
);
