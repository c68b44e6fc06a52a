import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  login,
  request,
  setupAdmin,
  type TestUser,
} from '../../test-support/http-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let admin: TestUser;
const setupSecret = () => server.setupUrl!.split('#')[1]!;
let firstSetup: string;

beforeAll(async () => {
  server = await startTestServer();
  firstSetup = setupSecret();
  admin = await setupAdmin(server);
});
afterAll(() => server.dispose());

const codeOf = (answer: { body: Record<string, unknown> }) =>
  (answer.body['error'] as { code?: string } | undefined)?.code;

describe('the setup link', () => {
  it('makes the first admin once; the secret then stops working', async () => {
    const me = await request(server, 'GET', '/api/me', { token: admin.token });
    expect(me.body).toMatchObject({ name: 'gwen', isAdmin: true });
    const again = await request(server, 'POST', '/api/setup', {
      body: { token: firstSetup, name: 'mallory', password: 'mallory mallory' },
    });
    expect(again.status).toBe(403);
    expect(codeOf(again)).toBe('VTT_ERR_AUTH_SETUP_INVALID');
    expect(server.app.setupToken).toBeNull();
  });

  it('is not offered again after a restart once an admin exists', async () => {
    const other = await startTestServer();
    const dir = other.dataDir;
    await setupAdmin(other);
    await other.close();
    const restarted = await startTestServer({}, dir);
    try {
      expect(restarted.setupUrl).toBeNull();
    } finally {
      await restarted.close();
      await other.dispose();
    }
  });
});

describe('login', () => {
  it('answers a wrong name and a wrong password alike', async () => {
    const wrongPassword = await request(server, 'POST', '/api/auth/login', {
      body: { name: 'gwen', password: 'not the password' },
    });
    const wrongName = await request(server, 'POST', '/api/auth/login', {
      body: { name: 'nobody', password: 'not the password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongName.body).toEqual(wrongPassword.body);
  });

  it('is rate-limited per account name, with Retry-After', async () => {
    await addUser(server, admin, 'target');
    let last;
    for (let i = 0; i < 11; i++) {
      last = await request(server, 'POST', '/api/auth/login', {
        body: { name: 'target', password: `wrong ${i} wrong` },
      });
    }
    expect(last!.status).toBe(429);
    expect(codeOf(last!)).toBe('VTT_ERR_AUTH_RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits: the limit is on the name.
    const right = await request(server, 'POST', '/api/auth/login', {
      body: { name: 'target', password: 'correct horse battery' },
    });
    expect(right.status).toBe(429);
  });

  it('refuses short passwords and taken names', async () => {
    const short = await request(server, 'POST', '/api/users', {
      token: admin.token,
      body: { name: 'shorty', password: 'abc' },
    });
    expect(codeOf(short)).toBe('VTT_ERR_AUTH_WEAK_PASSWORD');
    await addUser(server, admin, 'taken');
    const taken = await request(server, 'POST', '/api/users', {
      token: admin.token,
      body: { name: 'TAKEN', password: 'long enough password' },
    });
    expect(taken.status).toBe(409);
  });

  it('keeps admin routes for admins', async () => {
    const player = await addUser(server, admin, 'ana');
    const list = await request(server, 'GET', '/api/users', { token: player.token });
    expect(list.status).toBe(403);
    expect(codeOf(list)).toBe('VTT_ERR_AUTH_ADMIN_ONLY');
  });
});

describe('access tokens', () => {
  const forged = async (
    alg: string,
    key: Uint8Array | CryptoKey,
    claims: Record<string, unknown> = {},
  ) =>
    new SignJWT({ sid: 'x', ...claims })
      .setProtectedHeader({ alg })
      .setSubject(admin.id)
      .setIssuer('vtt')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);

  const me = (token: string) => request(server, 'GET', '/api/me', { token });

  it('refuses no token, garbage, alg none, another key and another algorithm', async () => {
    expect(codeOf(await request(server, 'GET', '/api/me'))).toBe('VTT_ERR_AUTH_REQUIRED');
    expect(codeOf(await me('garbage'))).toBe('VTT_ERR_AUTH_TOKEN_INVALID');
    const [header, payload] = admin.token.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(codeOf(await me(none))).toBe('VTT_ERR_AUTH_TOKEN_INVALID');
    expect(header).toBeTruthy();
    expect(codeOf(await me(await forged('HS256', randomBytes(32))))).toBe(
      'VTT_ERR_AUTH_TOKEN_INVALID',
    );
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rs = await forged('RS256', await importPKCS8(pem, 'RS256'));
    expect(codeOf(await me(rs))).toBe('VTT_ERR_AUTH_TOKEN_INVALID');
  });

  it('refuses an expired token', async () => {
    const sid = (
      JSON.parse(Buffer.from(admin.token.split('.')[1]!, 'base64url').toString()) as { sid: string }
    ).sid;
    const expired = await new SignJWT({ sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(admin.id)
      .setIssuer('vtt')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(server.app.signingKey);
    expect(codeOf(await me(expired))).toBe('VTT_ERR_AUTH_TOKEN_EXPIRED');
  });

  it('logout revokes the session at once; refresh rotates its secret', async () => {
    const user = await addUser(server, admin, 'bo');
    const refreshed = await request<{ accessToken: string; refreshToken: string }>(
      server,
      'POST',
      '/api/auth/refresh',
      {
        body: { refreshToken: user.refreshToken },
      },
    );
    expect(refreshed.status).toBe(200);
    const reused = await request(server, 'POST', '/api/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(codeOf(reused)).toBe('VTT_ERR_AUTH_SESSION_REVOKED');
    const out = await request(server, 'POST', '/api/auth/logout', {
      token: refreshed.body.accessToken,
      body: {},
    });
    expect(out.status).toBe(200);
    expect(codeOf(await me(refreshed.body.accessToken))).toBe('VTT_ERR_AUTH_SESSION_REVOKED');
    expect(codeOf(await me(user.token))).toBe('VTT_ERR_AUTH_SESSION_REVOKED');
  });

  it('a password change ends every session of the user', async () => {
    const a = await addUser(server, admin, 'cy');
    const b = await login(server, 'cy');
    const changed = await request<{ accessToken: string }>(server, 'POST', '/api/auth/password', {
      token: a.token,
      body: { currentPassword: 'correct horse battery', newPassword: 'a brand new password' },
    });
    expect(changed.status).toBe(200);
    expect(codeOf(await me(a.token))).toBe('VTT_ERR_AUTH_SESSION_REVOKED');
    expect(codeOf(await me(b.token))).toBe('VTT_ERR_AUTH_SESSION_REVOKED');
    expect((await me(changed.body.accessToken)).status).toBe(200);
    expect((await login(server, 'cy', 'a brand new password')).id).toBe(a.id);
  });

  it('logs no password, token or secret', async () => {
    const log = server.logLines.join('\n');
    for (const secret of [
      firstSetup,
      admin.token,
      admin.refreshToken,
      'correct horse battery',
      'a brand new password',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log.length).toBeGreaterThan(0);
  });
});
