/**
 * A backup in a process of its own, for the test that kills one half way:
 * `tsx backup-process.ts <dataDir> <out> <killAfterFiles>` backs up
 * `dataDir` to `out` and SIGKILLs itself once `killAfterFiles` files are in
 * the archive (0: never), as a crash or a kill -9 would stop it there.
 */
import { createBackup } from '../backup/create-backup.js';

const [dataDir, out, after] = process.argv.slice(2);
if (dataDir === undefined || out === undefined) throw new Error('usage: <dataDir> <out> <n>');
const killAfter = Number(after ?? 0);
await createBackup({
  dataDir,
  out,
  onProgress: ({ done }) => {
    if (done === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('done\n');
