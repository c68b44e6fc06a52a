/**
 * Shadowrun-style rules: d6 dice pools with hits, glitches and limits,
 * Edge, initiative passes, two condition monitors with overflow, and
 * conditions on combatants.
 */
import { defineModule } from '@vtt/sdk';
import { readStats } from './actor-data.js';
import { applyCondition, type ApplyConditionPayload } from './conditions.js';
import { applyDamage, type ApplyDamagePayload } from './damage.js';
import { deriveStats } from './derived.js';
import { initiative } from './initiative.js';
import { poolCommand } from './pool-command.js';
import { soakRoll, type SoakArgs } from './soak.js';
import { opposedRoll, testRoll, type OpposedArgs, type TestArgs } from './tests.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'shadowrun:apply-damage': ApplyDamagePayload;
    'shadowrun:apply-condition': ApplyConditionPayload;
  }
  interface ModuleRolls {
    test: TestArgs;
    opposed: OpposedArgs;
    soak: SoakArgs;
  }
}

export default defineModule({
  id: 'shadowrun',
  actions: {
    'shadowrun:apply-damage': applyDamage,
    'shadowrun:apply-condition': applyCondition,
  },
  derived: {
    runner: (ctx) => deriveStats(readStats(ctx.subject)),
    npc: (ctx) => deriveStats(readStats(ctx.subject)),
  },
  initiative,
  rolls: {
    test: testRoll,
    opposed: opposedRoll,
    soak: soakRoll,
  },
  chatCommands: {
    pool: poolCommand,
  },
});
