/**
 * The browser app at `/`: the files of `@vtt/web-components`' browser build
 * (`dist/browser`, or `webAppDir`), with a single-page fallback (any GET that
 * is not `/api/...`, not a file and accepts HTML answers `index.html`), long
 * caching for content-hashed files and strict security headers on the HTML.
 * When the build is missing, `/` answers a page saying to run `npm run build`.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The Content-Security-Policy of the app's HTML. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  // Lit's styles are adopted stylesheets (allowed); `style` attributes of bindings need this.
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const HTML_HEADERS = {
  'content-security-policy': WEB_APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** `chunk-ABCD1234.js`: esbuild's content-hashed chunks, never changed under one name. */
const HASHED = /-[A-Z0-9]{8,}\.[a-z]+$/;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>VTT: app not built</title></head>
<body><h1>The browser app is not built</h1>
<p>The server runs, but the app it serves at <code>/</code> is missing.
Run <code>npm run build</code> in the repository (or <code>npm run build -w @vtt/web-components</code>), then reload this page.</p>
<p>The HTTP API under <code>/api</code> works meanwhile.</p></body></html>
`;

/** Where the app's files are: the `webAppDir` setting, else `@vtt/web-components`' `dist/browser`. */
export function defaultWebAppDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@vtt/web-components/package.json');
    return join(dirname(pkg), 'dist', 'browser');
  } catch {
    return null;
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** Serves the browser app at `/`; registered last, so every API route wins. */
export const webAppPlugin = fp(
  async (app) => {
    const root = app.vttConfig.webAppDir ?? defaultWebAppDir();
    let warned = false;

    const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
      const index = root === null ? null : join(root, 'index.html');
      const html = index === null ? null : await readFile(index).catch(() => null);
      reply.headers(HTML_HEADERS).header('cache-control', 'no-cache');
      if (html === null) {
        if (!warned) {
          warned = true;
          request.log.warn(
            { webAppDir: root },
            'the browser app is not built: run `npm run build` to serve it at /',
          );
        }
        return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      }
      return reply.type(TYPES['.html']!).send(html);
    };

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return reply.callNotFound();
      }
      const segments = decoded.split('/').filter((s) => s !== '');
      // No way out of the folder: no `..`, no separators or NULs hidden in a segment.
      if (segments.some((s) => s === '..' || s === '.' || /[\\\0]/.test(s) || s.includes(sep))) {
        return reply.callNotFound();
      }
      if (root !== null && segments.length > 0) {
        const file = join(root, ...segments);
        if (file.startsWith(root + sep) && (await isFile(file))) {
          const name = segments[segments.length - 1]!;
          if (name === 'index.html') return sendIndex(request, reply);
          const type = TYPES[extname(name)] ?? 'application/octet-stream';
          reply
            .type(type)
            .header('x-content-type-options', 'nosniff')
            .header(
              'cache-control',
              HASHED.test(name) || name === 'quickjs.wasm'
                ? 'public, max-age=31536000, immutable'
                : 'no-cache',
            );
          if (name === 'sw.js') reply.header('service-worker-allowed', '/');
          return reply.send(await readFile(file));
        }
      }
      const looksLikeFile = extname(segments[segments.length - 1] ?? '') !== '';
      const acceptsHtml = (request.headers.accept ?? '*/*').includes('text/html');
      // `/` is always the app (a service worker precaches it without asking for HTML).
      if (segments.length > 0 && (looksLikeFile || !acceptsHtml)) return reply.callNotFound();
      return sendIndex(request, reply);
    });
  },
  { name: 'vtt-web-app', dependencies: ['vtt-errors'] },
);
