import { defineErrors } from './error-spec.js';

/**
 * Error codes of the module sandbox (`VTT_ERR_SANDBOX_*`). Every call into a
 * module's code that fails rejects with one of these; `params.key` names the
 * instance (e.g. `tableId:moduleId`) and `params.fn` the exported function.
 */
export const SANDBOX_ERRORS = defineErrors({
  VTT_ERR_SANDBOX_TIMEOUT: {
    message:
      'Module "{key}" ran "{fn}" for longer than its {limitMs} ms CPU limit and was stopped.',
    fix: 'Look for an endless loop or a very slow computation in that function; the module author can profile it with `vtt test`.',
    status: 504,
  },
  VTT_ERR_SANDBOX_MEMORY: {
    message: 'Module "{key}" ran out of memory in "{fn}" (its limit is {limitBytes} bytes).',
    fix: 'The module keeps too much data or allocates in a loop; its state was reset. Report it to the module author.',
    status: 500,
  },
  VTT_ERR_SANDBOX_STACK_OVERFLOW: {
    message: 'Module "{key}" overflowed its stack in "{fn}" (limit {limitBytes} bytes).',
    fix: 'Look for unbounded recursion in that function, or rewrite the recursion as a loop.',
    status: 500,
  },
  VTT_ERR_SANDBOX_JOB_LIMIT: {
    message: 'Module "{key}" queued more than {maxJobs} promise jobs in "{fn}" and was stopped.',
    fix: 'Look for an endless async loop (e.g. `for (;;) await x`); the module state was reset.',
    status: 500,
  },
  VTT_ERR_SANDBOX_NEVER_SETTLED: {
    message: 'Module "{key}" returned a promise from "{fn}" that never settled.',
    fix: 'Sandboxed code has no timers or I/O: make the function return a value, or a promise that resolves from its own work.',
    status: 500,
  },
  VTT_ERR_SANDBOX_RESULT_TOO_LARGE: {
    message: 'Module "{key}" returned {length} characters of JSON from "{fn}"; the limit is {max}.',
    fix: 'Return less data, e.g. an id instead of a whole document.',
    status: 502,
  },
  VTT_ERR_SANDBOX_RESULT_NOT_JSON: {
    message: 'Module "{key}" returned a value from "{fn}" that is not JSON: {problem}',
    fix: 'Return plain objects, arrays, strings, numbers, booleans or null, without cycles, functions or BigInt.',
    status: 502,
  },
  VTT_ERR_SANDBOX_ARG_TOO_LARGE: {
    message:
      'The argument to "{fn}" of module "{key}" is {length} characters of JSON; the limit is {max}.',
    fix: 'Pass less data to the module, e.g. ids instead of whole documents.',
    status: 413,
  },
  VTT_ERR_SANDBOX_ARG_NOT_JSON: {
    message: 'The argument to "{fn}" of module "{key}" cannot be sent as JSON: {problem}',
    fix: 'Pass plain objects, arrays, strings, numbers, booleans or null, without cycles.',
    status: 400,
  },
  VTT_ERR_SANDBOX_MODULE_THREW: {
    message: 'Module "{key}" threw in "{fn}": {guestName}: {guestMessage}',
    fix: 'This is a bug in the module; report it to its author with the stack trace in the error details.',
    status: 500,
  },
  VTT_ERR_SANDBOX_NO_SUCH_FUNCTION: {
    message: 'Module "{key}" exports no function "{fn}".',
    fix: 'Check the function name, or export it from the module bundle (named export or a method of the default export).',
    status: 500,
  },
  VTT_ERR_SANDBOX_SOURCE_TOO_LARGE: {
    message: 'The bundle of module "{key}" is {length} characters; the limit is {max}.',
    fix: 'Minify the bundle, or move data (compendium content) out of the code into the module manifest.',
    status: 413,
  },
  VTT_ERR_SANDBOX_QUARANTINED: {
    message:
      'Module "{key}" is quarantined after {failures} failures in a row (the last was {lastCode}).',
    fix: 'The GM can reload the module once it is fixed; until then its features are off for this table. Other tables are not affected.',
    status: 503,
  },
  VTT_ERR_SANDBOX_START_FAILED: {
    message: 'The sandbox could not start: {reason}',
    fix: 'Serve the sandbox worker entry and the QuickJS wasm file as the docs/modules/sandbox.md page says, then reload.',
    status: 503,
  },
  VTT_ERR_SANDBOX_WORKER_CRASHED: {
    message: 'The sandbox running module "{key}" crashed during "{fn}": {reason}',
    fix: 'The sandbox was restarted and the module reloaded; retry the action. If it keeps happening, report it with the server log.',
    status: 503,
  },
  VTT_ERR_SANDBOX_DISPOSED: {
    message: 'Module "{key}" was unloaded (or the sandbox host closed) before "{fn}" could run.',
    fix: 'Load the module again before calling it.',
    status: 503,
  },
  VTT_ERR_SANDBOX_KEY_IN_USE: {
    message: 'A sandbox instance with key "{key}" is already loaded.',
    fix: 'Dispose the running instance first, or use another key (e.g. `tableId:moduleId`).',
    status: 409,
  },
  VTT_ERR_SANDBOX_BAD_LIMIT: {
    message: 'Sandbox limit "{name}" is {value}: {problem}',
    fix: 'Set it within the documented range (see docs/modules/sandbox.md), or leave it out for the default.',
    status: 500,
  },
});
