import { defineErrors } from './error-spec.js';

/** Error codes of running module code at a table (`VTT_ERR_MODULE_*`, runtime side). */
export const MODULE_RUNTIME_ERRORS = defineErrors({
  VTT_ERR_MODULE_VETOED: {
    message: 'Module {moduleId} refused {type}: {reason}',
    fix: 'The game system does not allow this; read the reason, or ask the GM.',
    status: 403,
  },
  VTT_ERR_MODULE_REJECTED: {
    message: 'Module {moduleId} rejected {what}: {reason}',
    fix: 'Read the reason given by the game system and change the request.',
    status: 422,
  },
  VTT_ERR_MODULE_NOT_FOUND: {
    message: 'No module "{moduleId}" is loaded at this table.',
    fix: 'Enable the module for this campaign, or check the action name prefix.',
    status: 404,
  },
  VTT_ERR_MODULE_UNKNOWN_NAME: {
    message: 'No {kind} "{name}" is registered by the modules of this table.',
    fix: 'Check the spelling; `vtt validate` lists what a module registers.',
    status: 404,
  },
  VTT_ERR_MODULE_BAD_REPLY: {
    message:
      'Module {moduleId} answered {call} with data that does not fit the module protocol: {problem}',
    fix: 'This is a bug in the module: rebuild it with the current `vtt build`, or report it to its author.',
    status: 502,
  },
  VTT_ERR_MODULE_PROPOSAL: {
    message: 'Module {moduleId} proposed "{type}", which a module may not propose.',
    fix: 'Modules propose core actions (`core:*`) with ctx.act and chat messages with ctx.say.',
    status: 502,
  },
  VTT_ERR_MODULE_PROTOCOL_MISMATCH: {
    message: 'Module {moduleId} speaks module protocol {found}; this engine speaks {expected}.',
    fix: 'Rebuild the module with a `vtt` CLI that matches this server.',
    status: 409,
  },
  VTT_ERR_MODULE_ROLL_NOT_DRAWN: {
    message:
      'Module {moduleId} presented a roll ({notation}) that the host did not draw for it: {problem}.',
    fix: 'Roll with ctx.dice.roll (or sandbox.roll) and pass the result on unchanged; a roll result cannot be made up or edited.',
    status: 502,
  },
});
