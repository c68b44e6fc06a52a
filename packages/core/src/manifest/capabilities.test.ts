import { describe, expect, it } from 'vitest';
import { compareHooks } from './capabilities.js';
import { describeCapabilities } from './capability-text.js';
import { exampleManifest } from './test-fixtures.js';
import { validateManifest } from './validate-manifest.js';

const withCapabilities = (capabilities: unknown) =>
  validateManifest({ ...exampleManifest(), capabilities });
const found = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => `${code} ${pointer}`);

describe('declared capabilities in the manifest', () => {
  it('accepts core action and event names, and returns them typed', () => {
    const result = withCapabilities({
      propose: ['core:update-actor', 'core:send-message'],
      hooks: { before: ['core:move-token'], after: ['core:message-posted'] },
    });
    expect(result.errors).toEqual([]);
    expect(result.manifest?.capabilities?.hooks?.before).toEqual(['core:move-token']);
  });

  it('refuses names core does not have, with the closest real one, and an undo proposal', () => {
    const result = withCapabilities({
      propose: ['core:updat-actor', 'core:undo'],
      hooks: { before: ['core:move-tokn'], after: ['core:token-moved', 'core:move-token'] },
    });
    expect(found(result.errors)).toEqual([
      'VTT_ERR_MODULE_CAPABILITY_UNKNOWN /capabilities/propose/0',
      'VTT_ERR_MODULE_CAPABILITY_UNKNOWN /capabilities/propose/1',
      'VTT_ERR_MODULE_CAPABILITY_UNKNOWN /capabilities/hooks/before/0',
      'VTT_ERR_MODULE_CAPABILITY_UNKNOWN /capabilities/hooks/after/1',
    ]);
    expect(result.errors[0]!.fix).toContain("'core:update-actor'");
    expect(result.errors[2]!.fix).toContain("'core:move-token'");
  });

  it('refuses a bad shape: unknown keys, repeats, names outside core', () => {
    const result = withCapabilities({
      propose: ['core:send-message', 'core:send-message'],
      hooks: { during: [] },
      network: true,
    });
    expect(result.errors.map((e) => e.pointer)).toEqual(
      expect.arrayContaining([
        '/capabilities/network',
        '/capabilities/hooks/during',
        '/capabilities/propose',
      ]),
    );
    expect(withCapabilities({ propose: ['dnd5e:rest'] }).errors).toHaveLength(1);
  });
});

describe('compareHooks', () => {
  it('errs on a registered hook the manifest does not declare, warns on one it never registers', () => {
    const { errors, warnings } = compareHooks(
      { hooks: { before: ['core:move-token'], after: ['core:message-posted'] } },
      { before: ['core:move-token', 'core:update-token'], after: [] },
    );
    expect(errors.map((e) => [e.code, e.pointer, e.message])).toEqual([
      [
        'VTT_ERR_MODULE_CAPABILITY_MISMATCH',
        '/capabilities/hooks/before',
        "/capabilities/hooks/before: the code registers a before-hook on 'core:update-token'.",
      ],
    ]);
    expect(warnings.map((e) => e.pointer)).toEqual(['/capabilities/hooks/after']);
    expect(compareHooks(undefined, { before: [], after: [] })).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe('describeCapabilities', () => {
  it('says in words what a module may do, one line per kind of document', () => {
    const lines = describeCapabilities({
      propose: ['core:create-actor', 'core:update-actor', 'core:send-message'],
      hooks: { before: ['core:move-token'], after: ['core:message-posted', 'core:turn-advanced'] },
    });
    expect(lines).toEqual([
      { text: 'May create and change actors', names: ['core:create-actor', 'core:update-actor'] },
      { text: 'May post chat messages', names: ['core:send-message'] },
      { text: 'May refuse or adjust requests to move tokens', names: ['core:move-token'] },
      { text: 'Runs after chat messages are posted', names: ['core:message-posted'] },
      { text: 'Runs after the turn is advanced', names: ['core:turn-advanced'] },
    ]);
  });

  it('says so when a module declares nothing', () => {
    expect(describeCapabilities(undefined).map((l) => l.text)).toEqual([
      'Changes nothing outside its own actions, rolls and commands',
    ]);
  });
});
