import { defineErrors } from './error-spec.js';

/**
 * Error codes of `vtt dev` pointed at a running server: the development
 * build routes (`POST /api/modules/dev`, `DELETE /api/modules/dev/:id`) and
 * the CLI's watch loop; and how any `vtt` command that talks to a server
 * (`vtt dev`, `vtt publish`) reports an unreachable or refusing server.
 */
export const DEV_ERRORS = defineErrors({
  VTT_ERR_DEV_MODULE_NOT_INSTALLED: {
    message: 'Module {id} is not installed on this server, so no table runs it.',
    fix: 'Install it once (`vtt pack`, then `vtt install` or POST /api/modules), use it in a campaign, then run `vtt dev` again.',
    status: 404,
  },
  VTT_ERR_DEV_RELOAD_FAILED: {
    message:
      'The development build of {id} did not load at the table of campaign {campaignId}: {problem}',
    fix: 'Fix the error and save again: every table keeps the rules it ran before.',
    status: 422,
  },
  VTT_ERR_DEV_NO_BUILD: {
    message: 'There is no development build of {id} on this server.',
    fix: 'Nothing to drop: the tables already run its installed version.',
    status: 404,
  },
  VTT_ERR_DEV_NO_SERVER: {
    message: '`vtt dev` needs the server to reload the module into.',
    fix: 'Pass --server http://127.0.0.1:7777 (or set VTT_SERVER) and an admin API token with the modules:install scope in --token or VTT_TOKEN.',
    status: 400,
  },
  VTT_ERR_CLI_SERVER_UNREACHABLE: {
    message: 'The server at {url} did not answer: {problem}.',
    fix: 'Check that `vtt serve` runs there and that the address (with http:// or https://) is right.',
    status: 502,
  },
  VTT_ERR_CLI_SERVER_REFUSED: {
    message: 'The server at {url} refused {what} ({status}): {problem}',
    fix: 'Do what the server says above; nothing was changed on the server.',
    status: 502,
  },
});
