/**
 * @vtt/sdk: write game-system and add-on modules.
 *
 * `defineModule` declares what a module registers; every handler receives one
 * context object. See docs/modules/reference.md.
 */
export { defineAction, defineModule } from './define-module.js';
export type {
  ActionDefinition,
  BeforeHookResult,
  ChatCommandDefinition,
  InitiativeModel,
  JsonSchema,
  MacroDefinition,
  ModuleActions,
  ModuleDefinition,
  ModuleRolls,
  RollDefinition,
} from './define-module.js';
export type {
  ActionContext,
  AfterContext,
  BeforeContext,
  CommandContext,
  DeriveContext,
  DiceApi,
  InitiativeContext,
  ModuleContext,
  ProposingContext,
  RollContext,
} from './context.js';
export type { RollOptionsForGuest } from './core-types.js';
export type {
  ActiveEffect,
  Actor,
  EffectTarget,
  Item,
  JsonValue,
  RollOutcome,
  RollResult,
  RollTable,
  RollTableResult,
  TableDocs,
} from '@vtt/core';
export { combatantName, effectsOf, effectsOn, EFFECT_TICKS } from '@vtt/core';
