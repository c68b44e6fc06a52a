import { defineErrors } from './error-spec.js';

/** Error codes of the dice engine (`VTT_ERR_DICE_*`). */
export const DICE_ERRORS = defineErrors({
  VTT_ERR_DICE_SYNTAX: {
    message: 'Dice notation error at position {position}: {problem}',
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
    fix: 'Roll fewer dice, or split the roll into several.',
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
    message: 'Explosions or rerolls went deeper than {max} for one die.',
    fix: 'Use a target the die cannot always meet, e.g. "d6!>5" rather than "d6!>0".',
  },
  VTT_ERR_DICE_NESTING_TOO_DEEP: {
    message: 'The expression nests {depth} levels deep; the limit is {max}.',
    fix: 'Remove redundant parentheses or braces.',
  },
  VTT_ERR_DICE_DIVISION_BY_ZERO: {
    message: 'The expression divides by zero.',
    fix: 'Check the divisor of each "/" in the expression.',
  },
  VTT_ERR_DICE_IMPOSSIBLE_REROLL: {
    message: 'Every face of a d{sides} matches the reroll condition, so it can never settle.',
    fix: 'Use a reroll condition that some face does not meet, e.g. "r1" or "r<3".',
  },
});
