/**
 * Fixtures of the client tests: a real server with the example systems, a
 * table with tokens, logged-in clients (with `ws` and Node's fetch), a
 * fresh snapshot to compare replicas with, a TCP proxy to cut, seeded
 * randomness.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { SnapshotMessage } from '@vtt/core';
import { reviveView } from '@vtt/core';
import { WebSocket } from 'ws';
import { fighterData } from '../../../../server/src/test-support/dnd5e-data.js';
import { WITH_EXAMPLES } from '../../../../server/src/test-support/examples.js';
import type { TestUser } from '../../../../server/src/test-support/http-client.js';
import { campaignWith, LiveClient } from '../../../../server/src/test-support/live-client.js';
import {
  startTestServer,
  type TestServer,
} from '../../../../server/src/test-support/test-server.js';
import type { TableConnection } from '../table-connection.js';
import { VttClient, type VttClientOptions } from '../vtt-client.js';
import type { WebSocketConstructor } from '../socket-types.js';

export { startTestServer, WITH_EXAMPLES, type TestServer, type TestUser };

/** The password every test user has. */
export const PASSWORD = 'correct horse battery';

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A VttClient of `name` on `url` (the server's or a proxy's), logged in. */
export async function loggedIn(
  url: string,
  name: string,
  options: Partial<VttClientOptions> = {},
): Promise<VttClient> {
  const client = new VttClient({
    baseUrl: url,
    fetch: (input, init) => fetch(input, init),
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    socketAuth: 'header',
    reconnect: { baseDelayMs: 20, maxDelayMs: 200, random: seededRandom(7) },
    ...options,
  });
  await client.login(name, PASSWORD);
  return client;
}

/**
 * A campaign of `gm` with `players` (ana owns Ayla, bo owns Brom), a scene,
 * their tokens, a GM token `t-ogre` and a hidden `t-lich`.
 */
export async function tokenTable(
  server: TestServer,
  gm: TestUser,
  ana: TestUser,
  bo: TestUser,
): Promise<string> {
  const id = await campaignWith(server, gm, [ana, bo]);
  const gmc = await LiveClient.open(server, id, gm);
  await gmc.join();
  const setup: [string, unknown][] = [
    ['core:create-scene', { id: 'crypt', name: 'Crypt', width: 2000, height: 2000 }],
    [
      'core:create-actor',
      {
        id: 'ayla',
        name: 'Ayla',
        type: 'character',
        data: fighterData(),
        ownership: { [ana.id]: 'owner' },
      },
    ],
    [
      'core:create-actor',
      {
        id: 'brom',
        name: 'Brom',
        type: 'character',
        data: fighterData(),
        ownership: { [bo.id]: 'owner' },
      },
    ],
    [
      'core:create-token',
      { id: 't-ayla', sceneId: 'crypt', name: 'Ayla', x: 0, y: 0, actorId: 'ayla' },
    ],
    [
      'core:create-token',
      { id: 't-brom', sceneId: 'crypt', name: 'Brom', x: 100, y: 0, actorId: 'brom' },
    ],
    ['core:create-token', { id: 't-ogre', sceneId: 'crypt', name: 'Ogre', x: 500, y: 500 }],
    [
      'core:create-token',
      { id: 't-lich', sceneId: 'crypt', name: 'Lich canary-7f3a', x: 900, y: 900, hidden: true },
    ],
  ];
  for (const [type, payload] of setup) {
    const answer = await gmc.action(type, payload);
    if (answer.type !== 'ack') throw new Error(`setup failed: ${JSON.stringify(answer)}`);
  }
  await gmc.close();
  return id;
}

/** What `user` is sent on a fresh join, as JSON: the snapshot a replica must equal. */
export async function freshSnapshot(
  server: TestServer,
  campaignId: string,
  user: TestUser,
): Promise<{ seq: number; view: unknown }> {
  const c = await LiveClient.open(server, campaignId, user);
  const snap = (await c.join()) as SnapshotMessage;
  await c.close();
  return { seq: snap.seq, view: asJson(reviveView(snap.view)) };
}

/** A value through JSON, as it would cross the wire. */
export function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Resolves once `test` holds for `table`, checked on each change and status event. */
export function until(table: TableConnection, test: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!test()) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`not reached: ${what}`));
    }, 10_000);
    const done = (): void => {
      clearTimeout(timer);
      table.removeEventListener('change', check);
      table.removeEventListener('status', check);
    };
    table.addEventListener('change', check);
    table.addEventListener('status', check);
    check();
  });
}

/**
 * A TCP proxy in front of a server, to drop connections: `holdDownstream`
 * swallows what the server sends, `cut` destroys every connection and
 * refuses new ones until `restore`.
 */
export class TcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #down = false;
  #held = false;
  /** Connections refused while cut. */
  refused = 0;
  #onRefused: (() => void) | null = null;

  private constructor(
    server: Server,
    readonly url: string,
  ) {
    this.#server = server;
  }

  /** Starts a proxy on 127.0.0.1 in front of `target` (`http://127.0.0.1:port`). */
  static async start(target: string): Promise<TcpProxy> {
    const port = Number(new URL(target).port);
    let proxy: TcpProxy | null = null;
    const server = createServer((client) => {
      if (proxy !== null) proxy.#accept(client, port);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    proxy = new TcpProxy(server, `http://127.0.0.1:${address.port}`);
    return proxy;
  }

  #accept(client: Socket, port: number): void {
    if (this.#down) {
      this.refused++;
      client.destroy();
      this.#onRefused?.();
      return;
    }
    const upstream = connect(port, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    this.#pairs.add(pair);
    client.on('data', (data) => upstream.write(data));
    upstream.on('data', (data) => {
      if (!this.#held) client.write(data);
    });
    const end = (): void => {
      this.#pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }

  /** From now on, what the server sends is dropped (requests still reach it). */
  holdDownstream(): void {
    this.#held = true;
  }

  /** Destroys every connection and refuses new ones. */
  cut(): void {
    this.#down = true;
    for (const [client, upstream] of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.#pairs.clear();
  }

  /** Resolves once `count` connections were refused since the cut. */
  refusals(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.refused >= count) {
          this.#onRefused = null;
          resolve();
        }
      };
      this.#onRefused = check;
      check();
    });
  }

  /** Accepts and forwards again. */
  restore(): void {
    this.#down = false;
    this.#held = false;
  }

  /** Stops the proxy. */
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
