/**
 * The dice engine: notation parser, roller and result types. The package's
 * public API re-exports these from `src/index.ts`; code inside core imports
 * them from here.
 */
export { roll } from './roll.js';
export type { RollOptions } from './roll.js';
export { drawRoll, FORCED_STREAM, matchesRecord } from './roll-record.js';
export type { RollRecord } from './roll-record.js';
export { ROLL_LOG_FORMAT, rollLog, verifyRollLog } from './roll-log.js';
export type {
  RollLog,
  RollLogEntry,
  RollLogSession,
  RollProblem,
  RollVerification,
} from './roll-log.js';
export { parseDice } from './parse.js';
export { formatDice } from './format.js';
export { DEFAULT_DICE_LIMITS } from './limits.js';
export type { DiceLimits } from './limits.js';
export { forcedDiceSource, replayDiceSource, rngDiceSource } from './source.js';
export type { DiceSource } from './source.js';
export { COMPARE_OPERATORS, DICE_FUNCTIONS, EXPLODE_MODES, KEEP_MODES } from './ast.js';
export type {
  CallNode,
  CompareOperator,
  DiceCompare,
  DiceExplode,
  DiceFunction,
  DiceKeep,
  DiceModifiers,
  DiceNode,
  DiceReroll,
  DiceTermNode,
  ExplodeMode,
  KeepMode,
  NegateNode,
  NumberNode,
  PoolModifiers,
  PoolNode,
  ProductNode,
  SumNode,
} from './ast.js';
export type {
  DiceDraw,
  DiceTermResult,
  DieResult,
  PoolGroupResult,
  PoolTermResult,
  RollResult,
  TermResult,
} from './result.js';
