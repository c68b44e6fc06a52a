/** Small real-HTTP helpers for server tests: JSON requests, the first admin, logins. */
import type { VttServer } from '../create-server.js';

/** An answer: status, parsed JSON body, headers. */
export interface JsonAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
  readonly text: string;
}

/** Sends a JSON request (with a bearer token when given) and parses the answer. */
export async function request<T = Record<string, unknown>>(
  server: Pick<VttServer, 'url'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonAnswer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body: body as T, headers: res.headers, text };
}

/** A logged-in user of a test server. */
export interface TestUser {
  readonly id: string;
  readonly name: string;
  readonly token: string;
  readonly refreshToken: string;
}

interface LoginBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string; name: string };
}

function asUser(answer: JsonAnswer<LoginBody>): TestUser {
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.text}`);
  return {
    id: answer.body.user.id,
    name: answer.body.user.name,
    token: answer.body.accessToken,
    refreshToken: answer.body.refreshToken,
  };
}

/** Makes the first admin through the real setup link. */
export async function setupAdmin(
  server: Pick<VttServer, 'url' | 'setupUrl'>,
  name = 'gwen',
  password = 'correct horse battery',
): Promise<TestUser> {
  const token = server.setupUrl?.split('#')[1];
  if (token === undefined) throw new Error('the server has no setup link');
  return asUser(
    await request<LoginBody>(server, 'POST', '/api/setup', { body: { token, name, password } }),
  );
}

/** Logs in. */
export async function login(
  server: Pick<VttServer, 'url'>,
  name: string,
  password = 'correct horse battery',
): Promise<TestUser> {
  return asUser(
    await request<LoginBody>(server, 'POST', '/api/auth/login', { body: { name, password } }),
  );
}

/** An admin makes an account for `name`, which then logs in. */
export async function addUser(
  server: Pick<VttServer, 'url'>,
  admin: TestUser,
  name: string,
  password = 'correct horse battery',
): Promise<TestUser> {
  const made = await request(server, 'POST', '/api/users', {
    token: admin.token,
    body: { name, password },
  });
  if (made.status !== 200) throw new Error(`user not made: ${made.text}`);
  return login(server, name, password);
}
