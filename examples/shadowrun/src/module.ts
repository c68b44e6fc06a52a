/**
 * Shadowrun-style rules: d6 dice pools with hits, glitches and limits,
 * Edge, initiative passes, two condition monitors with overflow,
 * conditions on combatants, and equipment as items: attacks from weapons,
 * soak with worn armor, cyberware that changes attributes and Essence.
 */
import { defineModule } from '@vtt/sdk';
import { attackRoll, type AttackArgs } from './attack.js';
import { applyCondition, type ApplyConditionPayload } from './conditions.js';
import { applyDamage, type ApplyDamagePayload } from './damage.js';
import { deriveStats } from './derived.js';
import { initiative } from './initiative.js';
import { poolCommand } from './pool-command.js';
import { soakRoll, type SoakArgs } from './soak.js';
import { statsOf } from './stats.js';
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
    attack: AttackArgs;
  }
}

export default defineModule({
  id: 'shadowrun',
  actions: {
    'shadowrun:apply-damage': applyDamage,
    'shadowrun:apply-condition': applyCondition,
  },
  derived: {
    runner: (ctx) => deriveStats(statsOf(ctx, ctx.subject)),
    npc: (ctx) => deriveStats(statsOf(ctx, ctx.subject)),
  },
  initiative,
  rolls: {
    test: testRoll,
    opposed: opposedRoll,
    soak: soakRoll,
    attack: attackRoll,
  },
  chatCommands: {
    pool: poolCommand,
  },
});
