import { defineErrors } from './error-spec.js';

/** Error codes of the dice engine (`VTT_ERR_DICE_*`). */
export const DICE_ERRORS = defineErrors({
  VTT_ERR_DICE_SYNTAX: {
    message: 'Dice notation error at column {column}: {hint}.',
    fix: 'Check the notation near the marked position, e.g. "2d20kh1+5" or "10d6>=5".',
  },
  VTT_ERR_DICE_EMPTY: {
    message: 'The dice notation is empty.',
    fix: 'Type an expression such as "1d20+5".',
  },
  VTT_ERR_DICE_EXPRESSION_TOO_LONG: {
    message: 'The dice notation is {length} characters long; the limit is {max}.',
    fix: 'Shorten the expression or split it into several rolls.',
  },
  VTT_ERR_DICE_TOO_MANY_DICE: {
    message: 'The roll asks for {count} dice; the limit is {max} per roll.',
    fix: 'Roll fewer dice, or split the roll into several (explosions and rerolls count too).',
  },
  VTT_ERR_DICE_TOO_MANY_SIDES: {
    message: 'A die with {sides} sides is over the limit of {max}.',
    fix: 'Use a die with at most {max} sides.',
  },
  VTT_ERR_DICE_BAD_SIDES: {
    message: 'A die must have at least 1 side, got {sides}.',
    fix: 'Write a positive number of sides, e.g. "d6".',
  },
  VTT_ERR_DICE_EXPLOSION_LIMIT: {
    message: 'A d{sides} would explode or reroll more than {max} times in a row.',
    fix: 'Use a target some face does not meet, e.g. "d6!>5" rather than "d6!>0".',
  },
  VTT_ERR_DICE_NESTING_TOO_DEEP: {
    message: 'The expression nests {depth} levels deep; the limit is {max}.',
    fix: 'Remove redundant parentheses, braces or signs.',
  },
  VTT_ERR_DICE_DIVISION_BY_ZERO: {
    message: 'The expression divides by zero.',
    fix: 'Check the divisor of each "/" in the expression.',
  },
  VTT_ERR_DICE_NUMBER_TOO_LARGE: {
    message: 'A value of the roll grew beyond the largest number the engine can represent.',
    fix: 'Use smaller constants or fewer multiplications.',
  },
  VTT_ERR_DICE_IMPOSSIBLE_REROLL: {
    message: 'Every face of a d{sides} matches the reroll condition, so it can never settle.',
    fix: 'Use a reroll condition that some face does not meet, e.g. "r1" or "r<3".',
  },
  VTT_ERR_DICE_RANDOMNESS: {
    message: 'roll() needs exactly one source of randomness (rng, seed or source); {given} given.',
    fix: "Pass the table's seeded rng, a seed, or a DiceSource such as forcedDiceSource([6, 1]) in tests.",
  },
  VTT_ERR_DICE_SOURCE_EXHAUSTED: {
    message: 'The dice source ran out after {count} values, but the roll needs more dice.',
    fix: 'Give the forced or replayed source one value for every die the roll draws (explosions and rerolls included).',
  },
  VTT_ERR_DICE_SOURCE_VALUE: {
    message: 'The dice source returned {value} for draws[{index}], a die with {sides} faces.',
    fix: 'A DiceSource must return a whole number from 1 to the number of faces it is asked for.',
  },
  VTT_ERR_DICE_REPLAY_MISMATCH: {
    message:
      'Replayed draws[{index}] was recorded with {recorded} faces, but the roll asks for {sides}.',
    fix: 'Replay the draws with the notation they were recorded for.',
  },
  VTT_ERR_DICE_RNG_STATE: {
    message:
      'The saved generator state ({algorithm}) is not a ChaCha20 state with a 64-hex-digit seed.',
    fix: 'Resume from a state that createRng or createTableState produced; states of older versions (xoshiro128**, forced) are not accepted: start a new dice session.',
  },
  VTT_ERR_DICE_SESSION_ENDED: {
    message:
      'The dice session ended and its seed was revealed, so no die can be drawn from it any more.',
    fix: 'A GM starts a new dice session (core:start-session) before anyone rolls again.',
    status: 409,
  },
  VTT_ERR_ROLL_LOG_INVALID: {
    message: 'The roll log {file} is not a roll log: {problem}.',
    fix: 'Export the log again with rollLog(events) (format "vtt-roll-log", version 1) and pass that file.',
    status: 422,
  },
  VTT_ERR_ROLL_SEED_HIDDEN: {
    message:
      'Session {session} of the roll log has no revealed seed, so its {count} rolls cannot be checked.',
    fix: 'Ask the GM to end the session (core:end-session), then export the roll log again.',
    status: 422,
  },
  VTT_ERR_ROLL_COMMITMENT_MISMATCH: {
    message: 'The seed revealed for session {session} does not match its commitment {commitment}.',
    fix: 'The seed was changed after the session began: none of its rolls can be trusted.',
    status: 422,
  },
  VTT_ERR_ROLL_MISMATCH: {
    message:
      'Roll {id} ({notation}) of session {session} does not re-derive from the seed: {problem}.',
    fix: 'The roll was not drawn from the committed seed at its recorded position: treat it as forged.',
    status: 422,
  },
});
