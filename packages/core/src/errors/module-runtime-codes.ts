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
      'Module {moduleId} answered {call} with data that does not fit the module protocol at "{pointer}": {problem}',
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
  VTT_ERR_MODULE_SUSPENDED: {
    message:
      'The rules of module {moduleId} are suspended at this table after {failures} failures in a row (last: {lastCode}), so its {what} cannot run.',
    fix: 'The table goes on with core rules. A GM can restart the module; if it fails again, report it to its author.',
    status: 503,
  },
  VTT_ERR_MODULE_CAPABILITY_UNDECLARED: {
    message:
      'Module {moduleId} {what} "{name}", which vtt-module.json does not declare at {pointer}.',
    fix: 'Add "{name}" to {pointer} in vtt-module.json (GMs see it before enabling the module), or remove it from the code.',
    status: 403,
  },
  VTT_ERR_MODULE_HOOK_UNKNOWN: {
    message:
      'Module {moduleId} registers a {phase}-hook on "{name}", which is no core {kind} type.',
    fix: 'Hook a core {kind} type{suggestion}; docs/modules/reference.md lists them.',
    status: 422,
  },
  VTT_ERR_MODULE_ROLL_NOT_DRAWN: {
    message:
      'Module {moduleId} presented a roll ({notation}) that the host did not draw for it: {problem}.',
    fix: 'Roll with ctx.dice.roll (or sandbox.roll) and pass the result on unchanged; a roll result cannot be made up or edited.',
    status: 502,
  },
});
