/**
 * `npm run bench`: runs every benchmark and prints each figure beside a
 * baseline measured in the same run. Set VTT_BENCH_ROUND_MS to trade time
 * for precision (default 300 ms per round, 5 rounds per case).
 */
import { benchCli } from './cli.bench.js';
import { benchCompendium } from './compendium.bench.js';
import { benchDice } from './dice.bench.js';
import { benchReducer } from './reducer.bench.js';
import { benchReplica } from './replica.bench.js';
import { benchSandbox } from './sandbox.bench.js';
import { benchServer } from './server.bench.js';
import { benchWeb } from './web.bench.js';

process.stdout.write(`# vtt benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
benchDice();
benchReducer();
benchCompendium();
await benchSandbox();
await benchReplica();
await benchCli();
await benchServer();
await benchWeb();
