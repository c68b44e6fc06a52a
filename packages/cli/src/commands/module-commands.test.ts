/**
 * vtt build / validate / pack / inspect / test, in-process, on a copy of the
 * CLI's fixture module in a fresh temporary folder.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bufferIo } from '../lib/io.js';
import { runCli } from '../program.js';

const fixture = fileURLToPath(new URL('../../test-fixtures/heroes', import.meta.url));
let dir: string;

async function vtt(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'vtt-cli-')), 'heroes');
  await cp(fixture, dir, { recursive: true });
});
afterEach(() => rm(join(dir, '..'), { recursive: true, force: true }));

describe('vtt build', () => {
  it('writes the bundle and its source map where the manifest says', async () => {
    const { code, out } = await vtt('build', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^built dist\/module\.js \([\d.]+ KiB\) in \d+ ms\n$/);
    const bundle = await readFile(join(dir, 'dist/module.js'), 'utf8');
    expect(bundle).toContain('vttDescribe');
    expect(bundle).toMatch(/sourceMappingURL=module\.js\.map/);
    expect(
      JSON.parse(await readFile(join(dir, 'dist/module.js.map'), 'utf8')).sources.length,
    ).toBeGreaterThan(1);
  });

  it('reports a syntax error with file, line and column, exits 1, and leaves no stale bundle', async () => {
    expect((await vtt('build', dir)).code).toBe(0);
    const source = await readFile(join(dir, 'src/module.ts'), 'utf8');
    await writeFile(join(dir, 'src/module.ts'), `${source}\nconst broken = ;\n`);
    const { code, err } = await vtt('build', dir);
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_PROJECT_BUILD_FAILED');
    const lines = source.split('\n').length + 1;
    expect(err).toContain(`src/module.ts:${lines}:16`);
    expect(existsSync(join(dir, 'dist/module.js'))).toBe(false);
  });

  it('rebuilds on change with --watch, until stopped', async () => {
    const controller = new AbortController();
    const io = bufferIo();
    const { runBuild } = await import('./run-build.js');
    const watching = runBuild(
      dir,
      { watch: true, minify: false, json: false, signal: controller.signal },
      io,
    );
    await waitFor(() => io.err().includes('watching'));
    const source = await readFile(join(dir, 'src/module.ts'), 'utf8');
    await writeFile(
      join(dir, 'src/module.ts'),
      source.replace("label: 'Check'", "label: 'Skill check'"),
    );
    await waitFor(async () =>
      (await readFile(join(dir, 'dist/module.js'), 'utf8')).includes('Skill check'),
    );
    controller.abort();
    await watching;
    expect(io.out().match(/built dist\/module\.js/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('vtt validate', () => {
  it('accepts the fixture', async () => {
    const { code, out } = await vtt('validate', dir);
    expect(code).toBe(0);
    expect(out).toContain(
      'heroes@1.0.0 is valid: 1 document type(s), 1 sheet(s), 1 compendium pack(s), 1 asset file(s)',
    );
  });

  it('reports every problem at once, each with file and pointer', async () => {
    const sheet = JSON.parse(await readFile(join(dir, 'sheets/hero.json'), 'utf8'));
    sheet.layout[0].children[0].path = '/strength';
    await writeFile(join(dir, 'sheets/hero.json'), JSON.stringify(sheet));
    await writeFile(
      join(dir, 'packs/heroes.json'),
      JSON.stringify([{ id: 'x', name: 'X', type: 'hero', data: { score: 99, hp: 1 } }]),
    );
    await rm(join(dir, 'assets/token.svg'));
    const { code, out } = await vtt('validate', dir, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      errors: { code: string; file?: string; pointer: string }[];
    };
    const found = report.errors.map((e) => `${e.code} ${e.file} ${e.pointer}`);
    expect(found).toContain(
      'VTT_ERR_MODULE_SHEET_PATH_UNKNOWN sheets/hero.json /layout/0/children/0/path',
    );
    expect(
      found.some(
        (f) => f.startsWith('VTT_ERR_MODULE_') && f.includes('packs/heroes.json /0/data/score'),
      ),
    ).toBe(true);
    expect(found).toContain('VTT_ERR_PROJECT_ASSET_MISSING vtt-module.json /assets/0');
  });

  it('names the line and column of a JSON syntax error', async () => {
    await writeFile(
      join(dir, 'vtt-module.json'),
      '{\n  "id": "heroes",\n  "name": "Heroes"\n  "version": "1.0.0"\n}\n',
    );
    const { code, err } = await vtt('validate', dir);
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_PROJECT_JSON_INVALID');
    expect(err).toContain('line 4');
  });

  it('shows what GMs will see of the declared capabilities', async () => {
    const { code, out } = await vtt('validate', dir);
    expect(code).toBe(0);
    expect(out).toContain('GMs see before enabling it:\n  - May post chat messages\n');
  });

  it("checks the code's hooks against the declared capabilities and core's names", async () => {
    const source = await readFile(join(dir, 'src/module.ts'), 'utf8');
    await writeFile(
      join(dir, 'src/module.ts'),
      source.replace(
        '  derived: {',
        "  hooks: {\n    before: { 'core:move-tokn': () => undefined },\n" +
          "    after: { 'core:token-moved': () => undefined },\n  },\n  derived: {",
      ),
    );
    const manifest = JSON.parse(await readFile(join(dir, 'vtt-module.json'), 'utf8'));
    manifest.capabilities.hooks = { after: ['core:message-posted'] };
    await writeFile(join(dir, 'vtt-module.json'), JSON.stringify(manifest));
    const { code, out } = await vtt('validate', dir, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      errors: { code: string; file?: string; pointer: string; message: string; fix: string }[];
      warnings: { code: string; file?: string; pointer: string }[];
    };
    const found = report.errors.map((e) => `${e.code} ${e.file} ${e.pointer}`);
    expect(found).toEqual([
      'VTT_ERR_MODULE_HOOK_UNKNOWN src/module.ts /hooks/before',
      'VTT_ERR_MODULE_CAPABILITY_MISMATCH vtt-module.json /capabilities/hooks/before',
      'VTT_ERR_MODULE_CAPABILITY_MISMATCH vtt-module.json /capabilities/hooks/after',
    ]);
    expect(report.errors[0]!.message).toContain('core:move-tokn');
    expect(report.errors[0]!.fix).toContain('core:move-token');
    expect(report.warnings.map((w) => `${w.code} ${w.file} ${w.pointer}`)).toEqual([
      'VTT_ERR_MODULE_CAPABILITY_MISMATCH vtt-module.json /capabilities/hooks/after',
    ]);
  });

  it('refuses a declared name core does not have, with a did-you-mean', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'vtt-module.json'), 'utf8'));
    manifest.capabilities.propose = ['core:send-mesage'];
    await writeFile(join(dir, 'vtt-module.json'), JSON.stringify(manifest));
    const { code, out } = await vtt('validate', dir, '--json');
    expect(code).toBe(1);
    const [error] = (
      JSON.parse(out) as { errors: { code: string; pointer: string; fix: string }[] }
    ).errors;
    expect(error).toMatchObject({
      code: 'VTT_ERR_MODULE_CAPABILITY_UNKNOWN',
      pointer: '/capabilities/propose/0',
    });
    expect(error!.fix).toContain("'core:send-message'");
  });

  it('says there is no module in a folder without a manifest', async () => {
    const { code, err } = await vtt('validate', join(dir, 'src'));
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_PROJECT_NO_MANIFEST');
  });
});

describe('vtt pack and vtt inspect', () => {
  it('packs reproducibly, and inspect verifies the digest without extracting', async () => {
    const first = await vtt('pack', dir, '--json');
    expect(first.code).toBe(0);
    const packed = JSON.parse(first.out) as { file: string; digest: string; files: string[] };
    expect(packed.files).toEqual([
      'assets/token.svg',
      'dist/module.js',
      'dist/module.js.map',
      'packs/heroes.json',
      'sheets/hero.json',
      'vtt-module.json',
    ]);
    const bytes = await readFile(packed.file);
    const second = await vtt('pack', dir, '--json', '--out', join(dir, 'again.vttmod'));
    expect(Buffer.compare(bytes, await readFile(join(dir, 'again.vttmod')))).toBe(0);
    expect(JSON.parse(second.out).digest).toBe(packed.digest);

    const inspected = await vtt('inspect', packed.file, '--json');
    expect(inspected.code).toBe(0);
    const listing = JSON.parse(inspected.out) as {
      digest: string;
      verified: boolean;
      files: { path: string }[];
    };
    expect(listing.digest).toBe(packed.digest);
    expect(listing.files.map((f) => f.path)).toEqual(packed.files);
    const human = await vtt('inspect', packed.file);
    expect(human.out).toContain('Heroes (heroes@1.0.0)');
    expect(human.out).toContain(`digest sha256 ${packed.digest} (verified)`);
  });

  it('refuses to pack an invalid module, and writes no archive', async () => {
    await writeFile(join(dir, 'packs/heroes.json'), '[{"id": "x"}]');
    const { code, err } = await vtt('pack', dir);
    expect(code).toBe(1);
    expect(err).toContain('Validation failed');
    expect(existsSync(join(dir, 'heroes-1.0.0.vttmod'))).toBe(false);
  });

  it('refuses a sheet roll button that names a roll the module does not register', async () => {
    const sheet = JSON.parse(await readFile(join(dir, 'sheets/hero.json'), 'utf8'));
    sheet.layout[0].children[3].roll = 'checks';
    await writeFile(join(dir, 'sheets/hero.json'), JSON.stringify(sheet));
    const { code, err } = await vtt('pack', dir);
    expect(code).toBe(1);
    expect(err).toContain(
      'VTT_ERR_PROJECT_UNKNOWN_ROLL at sheets/hero.json /layout/0/children/3/roll',
    );
  });

  it('refuses a bundle whose id differs from the manifest', async () => {
    const source = await readFile(join(dir, 'src/module.ts'), 'utf8');
    await writeFile(join(dir, 'src/module.ts'), source.replace("id: 'heroes'", "id: 'villains'"));
    const { code, err } = await vtt('pack', dir);
    expect(code).toBe(1);
    expect(err).toContain('VTT_ERR_PROJECT_ID_MISMATCH');
    const validated = await vtt('validate', dir, '--json');
    expect(validated.code).toBe(1);
    expect(JSON.parse(validated.out).errors.map((e: { code: string }) => e.code)).toEqual([
      'VTT_ERR_PROJECT_ID_MISMATCH',
    ]);
    await writeFile(join(dir, 'src/module.ts'), source);
  });

  it('inspect refuses a tampered archive with the archive error code', async () => {
    const packed = JSON.parse((await vtt('pack', dir, '--json')).out) as { file: string };
    const bytes = await readFile(packed.file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(packed.file, bytes);
    const { code, err } = await vtt('inspect', packed.file);
    expect(code).toBe(1);
    expect(err).toMatch(/VTT_ERR_ARCHIVE_[A-Z_]+/);
  });
});

describe('vtt test', () => {
  it("runs the module's tests in the real sandbox and reports the counts", async () => {
    const { code, out } = await vtt('test', dir, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, passed: 1, failed: 0, files: 1 });
  });

  it('exits 1 when a test fails', async () => {
    const test = await readFile(join(dir, 'src/module.test.ts'), 'utf8');
    await writeFile(
      join(dir, 'src/module.test.ts'),
      test.replace("toBe('success')", "toBe('failure')"),
    );
    const { code, out } = await vtt('test', dir, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, passed: 0, failed: 1 });
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
