import { defineErrors } from './error-spec.js';

/** Error codes of the `vtt` command line itself, not of a module (`VTT_ERR_CLI_*`). */
export const CLI_ERRORS = defineErrors({
  VTT_ERR_CLI_USAGE: {
    message: '{problem}',
    fix: 'Run `{usage} --help` for the arguments and options.',
    status: 400,
  },
  VTT_ERR_CLI_INTERNAL: {
    message: 'vtt stopped on an unexpected error: {problem}',
    fix: 'This is a bug in vtt: report it with the command you ran and this message.',
    status: 500,
  },
});
