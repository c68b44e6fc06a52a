import { defineErrors } from './error-spec.js';

/** Error codes of roll tables and their draws (`VTT_ERR_ROLLTABLE_*`). */
export const ROLL_TABLE_ERRORS = defineErrors({
  VTT_ERR_ROLLTABLE_FORMULA: {
    message: 'The formula "{formula}" of roll table "{tableId}" cannot be drawn: {problem}.',
    fix: 'A table formula is a sum of plain dice and whole numbers (1d8, 2d6, 1d10+2), and one die when the table draws without replacement. {fix}',
    status: 400,
  },
  VTT_ERR_ROLLTABLE_RANGE_GAP: {
    message:
      'No result of roll table "{tableId}" covers {gap}, which its formula {formula} can roll ({min} to {max}).',
    fix: 'Add a result for {gap}, widen the range of a result next to it, or change the formula, so that every total falls in exactly one range.',
    status: 400,
  },
  VTT_ERR_ROLLTABLE_RANGE_OVERLAP: {
    message: 'Results {first} and {second} of roll table "{tableId}" both cover {overlap}.',
    fix: 'Make the ranges meet without overlapping, e.g. [1, 3] and [4, 6], or give weights instead of ranges.',
    status: 400,
  },
  VTT_ERR_ROLLTABLE_RANGE_OUTSIDE: {
    message:
      'Result {index} of roll table "{tableId}" covers {range}, but its formula {formula} rolls {min} to {max}.',
    fix: 'Keep every range between {min} and {max} with its low end first, or change the formula.',
    status: 400,
  },
  VTT_ERR_ROLLTABLE_CYCLE: {
    message: 'Roll table "{tableId}" would end up drawing from itself: {path}.',
    fix: 'Remove the nested table reference that closes the loop; a nested table may not lead back to a table that draws it.',
    status: 400,
  },
  VTT_ERR_ROLLTABLE_EXHAUSTED: {
    message: 'Every result of roll table "{tableId}" has been drawn since it was last reset.',
    fix: 'Ask a GM to reset the table (core:reset-roll-table), or to let it draw with replacement.',
    status: 409,
  },
});
