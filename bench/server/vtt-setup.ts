/**
 * The tables of the server benchmark, made on the real server the way a GM
 * makes them: accounts over HTTP, D&D 5e campaigns with players invited,
 * a scene and its tokens created by the GM's actions over the live socket.
 */
import { WebSocket } from 'ws';

const PASSWORD = 'correct horse battery';

/** One table as the load generator sees it: where to connect and as whom. */
export interface BenchTable {
  /** Campaign id (the bare server uses it as the room name). */
  readonly id: string;
  /** Bearer token of the GM, who moves the tokens. */
  readonly gm: string;
  /** Bearer tokens of the players, one user each. */
  readonly players: readonly string[];
  /** Tokens on the table's scene; movers move the first ones. */
  readonly tokens: readonly string[];
  /** The modules of the table as its snapshot lists them (D&D 5e, active). */
  readonly modules: readonly { readonly moduleId: string; readonly state: string }[];
}

async function api<T>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text === '' ? {} : JSON.parse(text)) as T;
}

/** Runs `work` over `items`, `limit` at a time, keeping the order of the results. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** The first admin (who is every table's GM) and `players` accounts, logged in. */
export async function makeUsers(
  url: string,
  setupUrl: string,
  players: number,
): Promise<{ gm: string; players: string[] }> {
  const setupToken = setupUrl.split('#')[1];
  const { accessToken: gm } = await api<{ accessToken: string }>(url, 'POST', '/api/setup', {
    body: { token: setupToken, name: 'gm', password: PASSWORD },
  });
  // scrypt makes each account about 100 ms of CPU; four at once keep both cores busy.
  const tokens = await inBatches(
    Array.from({ length: players }, (_, i) => `player-${i}`),
    4,
    async (name) => {
      await api(url, 'POST', '/api/users', { token: gm, body: { name, password: PASSWORD } });
      const login = await api<{ accessToken: string }>(url, 'POST', '/api/auth/login', {
        body: { name, password: PASSWORD },
      });
      return login.accessToken;
    },
  );
  return { gm, players: tokens };
}

/** Opens a live socket and resolves on the first message that `match` accepts. */
function answerOf(socket: WebSocket, match: (m: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const onClose = (code: number): void => reject(new Error(`socket closed (${code})`));
    const onMessage = (data: Buffer): void => {
      const m = JSON.parse(String(data)) as Record<string, unknown>;
      if (!match(m)) return;
      socket.off('message', onMessage).off('close', onClose);
      resolve(m);
    };
    socket.on('message', onMessage);
    socket.once('close', onClose);
  });
}

/** Runs the GM's actions in order, each acked before the next; a fresh socket per 40 (the rate limit). */
async function gmActions(
  url: string,
  campaignId: string,
  gm: string,
  actions: readonly [string, unknown][],
): Promise<BenchTable['modules']> {
  let modules: BenchTable['modules'] = [];
  for (let start = 0; start < actions.length; start += 40) {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/campaigns/${campaignId}/live`, {
      headers: { authorization: `Bearer ${gm}` },
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const joined = answerOf(socket, (m) => m['type'] === 'snapshot');
    socket.send('{"type":"join"}');
    modules = (await joined)['modules'] as BenchTable['modules'];
    for (const [i, [type, payload]] of actions.slice(start, start + 40).entries()) {
      const id = `setup-${start + i}`;
      const answer = answerOf(socket, (m) => m['id'] === id);
      socket.send(JSON.stringify({ type: 'action', id, action: { type, payload } }));
      const got = await answer;
      if (got['type'] !== 'ack') throw new Error(`${type} refused: ${JSON.stringify(got)}`);
    }
    socket.close(1000);
  }
  return modules;
}

/** A D&D 5e campaign with `players` invited, a scene and `tokens` tokens, made by the GM. */
export async function makeTable(
  url: string,
  gm: string,
  players: readonly string[],
  tokens: number,
  name: string,
): Promise<BenchTable> {
  const { id } = await api<{ id: string }>(url, 'POST', '/api/campaigns', {
    token: gm,
    body: { name, system: 'dnd5e' },
  });
  const { secret } = await api<{ secret: string }>(url, 'POST', `/api/campaigns/${id}/invites`, {
    token: gm,
    body: { role: 'player', expiresInSeconds: 3600, maxUses: players.length },
  });
  await inBatches(players, 8, (player) =>
    api(url, 'POST', '/api/invites/accept', { token: player, body: { secret } }),
  );
  const tokenIds = Array.from({ length: tokens }, (_, i) => `tok-${i}`);
  const modules = await gmActions(url, id, gm, [
    ['core:create-scene', { id: 'hall', name: 'Hall', width: 4000, height: 4000 }],
    ...tokenIds.map((tokenId, i): [string, unknown] => [
      'core:create-token',
      {
        id: tokenId,
        sceneId: 'hall',
        name: `Goblin ${i}`,
        x: 100 * (i % 30),
        y: 100 * Math.floor(i / 30),
      },
    ]),
  ]);
  return { id, gm, players, tokens: tokenIds, modules };
}
