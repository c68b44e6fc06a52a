/**
 * Other sites' pages using this server (plugin `vtt-embed-origins`): for an
 * origin listed in `embedOrigins`, `/api/*` answers carry CORS headers and
 * preflight requests are answered, so a page on that site can call the API
 * with an API token (`Authorization: Bearer vtt_...`). Credentials (cookies)
 * are never allowed cross-origin: a session cannot be used or renewed from
 * another site, only a token the embedder chose to put in its page. The
 * live socket's Origin check reads the same list ({@link isEmbedOrigin}).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Methods and headers a preflight may ask for. */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type';
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Whether `origin` (the browser's Origin header: `https://host`, or `null`
 * for a `file://` page) is one of the server's `embedOrigins`.
 */
export function isEmbedOrigin(app: FastifyInstance, origin: string): boolean {
  const allowed = app.vttConfig.embedOrigins;
  return allowed.includes('*') || allowed.includes(origin);
}

/** Adds the CORS headers of `embedOrigins` to `/api/*` and answers their preflights. */
export const embedOriginsPlugin = fp(
  async (app) => {
    if (app.vttConfig.embedOrigins.length === 0) return;
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin === undefined || !request.url.startsWith('/api/')) return;
      if (!isEmbedOrigin(app, origin)) return;
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        return reply
          .code(204)
          .header('access-control-allow-methods', ALLOWED_METHODS)
          .header('access-control-allow-headers', ALLOWED_HEADERS)
          .header('access-control-max-age', String(PREFLIGHT_MAX_AGE))
          .send();
      }
      return undefined;
    });
  },
  { name: 'vtt-embed-origins' },
);
