#!/usr/bin/env node
// The `vtt` binary: runs the built CLI (npm install builds it through `prepare`).
let cli;
try {
  cli = await import('../dist/index.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error(
    'vtt: the CLI is not built yet. Run `npm run build` in the repository root, then try again.',
  );
  process.exit(1);
}
const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};
process.exitCode = await cli.runCli(process.argv.slice(2), io);
