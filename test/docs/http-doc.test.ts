import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument, renderHttpDoc } from '../../scripts/http-doc.js';

describe('docs/reference/http.md', () => {
  it('is up to date with the route schemas (run `npm run docs:http` if not)', async () => {
    const onDisk = readFileSync(new URL('../../docs/reference/http.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderHttpDoc(await openApiDocument()));
  });

  it('documents every route with a summary and a schema for what it takes', async () => {
    const doc = await openApiDocument();
    for (const [path, methods] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path} has a summary`).toBeTruthy();
        if (method === 'post' || method === 'patch' || method === 'put') {
          expect(op.requestBody, `${method} ${path} has a body schema`).toBeDefined();
        }
      }
    }
  });
});
