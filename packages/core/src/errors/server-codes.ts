import { defineErrors } from './error-spec.js';

/**
 * Error codes of the server and its wire protocol: configuration, accounts,
 * campaigns, assets and live-table messages.
 */
export const SERVER_ERRORS = defineErrors({
  // --- configuration and start-up
  VTT_ERR_CONFIG_INVALID: {
    message: 'The setting {setting} is "{value}", which is invalid: {problem}.',
    fix: '{fix} Every setting is listed by `vtt serve --help` and in docs/guide/hosting.md.',
  },
  VTT_ERR_CONFIG_PORT_IN_USE: {
    message: 'Port {port} on {host} is already in use by another program.',
    fix: 'Stop that program, or start on another port with --port (or VTT_PORT); --port 0 picks a free one.',
  },
  VTT_ERR_CONFIG_DATA_DIR: {
    message: 'The data folder {path} cannot be used: {problem}.',
    fix: 'Pick a folder the server user can create and write with --data (or VTT_DATA).',
  },
  VTT_ERR_SERVER_SHUTTING_DOWN: {
    message: 'The server is shutting down.',
    fix: 'Reconnect in a moment; nothing that was acknowledged is lost.',
    status: 503,
  },
  VTT_ERR_SERVER_INTERNAL: {
    message: 'The server failed while answering.',
    fix: 'Try again; if it persists, the server admin finds the cause in the server log.',
    status: 500,
  },
  VTT_ERR_HTTP_INVALID: {
    message: 'The request field {pointer} is invalid: {problem}.',
    fix: 'Send the fields docs/reference/http.md lists for this route.',
    status: 400,
  },
  VTT_ERR_HTTP_NOT_FOUND: {
    message: 'There is no route {method} {url}.',
    fix: 'See docs/reference/http.md, or the OpenAPI document at /api/openapi.json.',
    status: 404,
  },
  VTT_ERR_HTTP_TOO_LARGE: {
    message: 'The request body is larger than the server accepts.',
    fix: 'Send a smaller body; uploads have their own limit (see docs/reference/http.md).',
    status: 413,
  },
  // --- accounts and tokens
  VTT_ERR_AUTH_REQUIRED: {
    message: 'This needs a logged-in user.',
    fix: 'Log in with POST /api/auth/login and send the access token as "Authorization: Bearer <token>".',
    status: 401,
  },
  VTT_ERR_AUTH_TOKEN_INVALID: {
    message: 'The access token is not valid.',
    fix: 'Log in again with POST /api/auth/login to get a new token; for an API token (vtt_pat_...), check that it was copied whole, or create a new one with POST /api/auth/tokens.',
    status: 401,
  },
  VTT_ERR_AUTH_TOKEN_REVOKED: {
    message: 'This API token is {state}.',
    fix: 'Create a new one with POST /api/auth/tokens while logged in and give it to the program instead; GET /api/auth/tokens lists your tokens with their state.',
    status: 401,
  },
  VTT_ERR_AUTH_TOKEN_NOT_FOUND: {
    message: 'You have no API token "{id}".',
    fix: 'GET /api/auth/tokens lists your tokens with their ids.',
    status: 404,
  },
  VTT_ERR_AUTH_SCOPE: {
    message:
      'An API token with the scopes [{granted}] may not do {method} {route}: it needs {scope}.',
    fix: 'Create a token with that scope (POST /api/auth/tokens); "session" means only a logged-in user may do it (managing tokens, passwords, sessions, and every change over HTTP).',
    status: 403,
  },
  VTT_ERR_AUTH_TICKET_INVALID: {
    message:
      'The live ticket is unknown, used or expired: a ticket works once, for its campaign, within 30 s.',
    fix: 'Ask for a new one with POST /api/campaigns/:campaignId/live-ticket right before connecting.',
    status: 401,
  },
  VTT_ERR_AUTH_TOKEN_EXPIRED: {
    message: 'The access token has expired.',
    fix: 'Get a new one with POST /api/auth/refresh, or log in again.',
    status: 401,
  },
  VTT_ERR_AUTH_SESSION_REVOKED: {
    message: 'This session has ended (logged out, or the password changed).',
    fix: 'Log in again.',
    status: 401,
  },
  VTT_ERR_AUTH_BAD_CREDENTIALS: {
    message: 'The user name or the password is wrong.',
    fix: 'Check both and try again; after several failures, wait a minute.',
    status: 401,
  },
  VTT_ERR_AUTH_RATE_LIMITED: {
    message: 'Too many {what}; try again in {seconds} s.',
    fix: 'Wait, then try again: log in with the right password (ask the server admin if you forgot it), or have the program send fewer requests a minute with its API token.',
    status: 429,
  },
  VTT_ERR_AUTH_SETUP_INVALID: {
    message: 'The setup link is not valid, or it was already used.',
    fix: 'Use the setup link the server printed at its first start; once an admin exists, ask them for an account.',
    status: 403,
  },
  VTT_ERR_AUTH_NAME_TAKEN: {
    message: 'The user name "{name}" is taken.',
    fix: 'Choose another user name.',
    status: 409,
  },
  VTT_ERR_AUTH_WEAK_PASSWORD: {
    message: 'The password is too short: {length} characters, at least {min} are needed.',
    fix: 'Choose a longer password; a few words in a row are easy to remember.',
    status: 400,
  },
  VTT_ERR_AUTH_ADMIN_ONLY: {
    message: 'Only a server admin may do this.',
    fix: 'Ask the server admin.',
    status: 403,
  },
  VTT_ERR_AUTH_ORIGIN: {
    message: 'Requests from origin "{origin}" are not accepted.',
    fix: 'Open the app from the server address; behind a proxy, start the server with --public-url set to the address players use.',
    status: 403,
  },
  // --- campaigns, members and invites
  VTT_ERR_CAMPAIGN_NOT_FOUND: {
    message: 'There is no campaign "{id}" that you are a member of.',
    fix: 'Check the link; ask the GM for an invite.',
    status: 404,
  },
  VTT_ERR_CAMPAIGN_GM_ONLY: {
    message: 'Only a GM of the campaign may do this.',
    fix: 'Ask the campaign GM.',
    status: 403,
  },
  VTT_ERR_CAMPAIGN_ARCHIVED: {
    message: 'The campaign "{id}" is archived.',
    fix: 'A GM can unarchive it with PATCH /api/campaigns/{id} and "archived": false.',
    status: 409,
  },
  VTT_ERR_CAMPAIGN_SYSTEM_UNKNOWN: {
    message: 'No installed game system "{system}".',
    fix: 'Use one of the systems GET /api/modules lists (dnd5e, shadowrun and traveller come installed).',
    status: 400,
  },
  VTT_ERR_CAMPAIGN_LAST_GM: {
    message: 'The campaign would have no GM left.',
    fix: 'Make another member GM first.',
    status: 409,
  },
  VTT_ERR_CAMPAIGN_ADDON_IS_SYSTEM: {
    message:
      "The module '{id}' is a game system, not an add-on: a campaign runs the one system it was made with.",
    fix: "Leave '{id}' out of \"addons\"; GET /api/modules lists each module's kind.",
    status: 422,
  },
  VTT_ERR_CAMPAIGN_ADDON_DEPENDENCY: {
    message: "The add-on '{id}' needs '{dependency}' {range}, but {found}.",
    fix: 'Enable \'{dependency}\' in the same request (add it to "addons"), or ask the server admin to install a version of it that matches {range}.',
    status: 409,
  },
  VTT_ERR_CAMPAIGN_MEMBER_NOT_FOUND: {
    message: 'There is no member "{userId}" in the campaign "{id}".',
    fix: 'List the members with GET /api/campaigns/{id}/members and use one of their ids.',
    status: 404,
  },
  VTT_ERR_INVITE_NOT_FOUND: {
    message: 'There is no invite "{inviteId}" in the campaign "{id}".',
    fix: 'List the invites with GET /api/campaigns/{id}/invites and use one of their ids.',
    status: 404,
  },
  VTT_ERR_INVITE_INVALID: {
    message: 'The invite link is not valid: it expired, was used up or was revoked.',
    fix: 'Ask the GM for a new invite link.',
    status: 404,
  },
  VTT_ERR_CAMPAIGN_SESSION_NOT_FOUND: {
    message: 'There is no session {session} in the campaign "{id}".',
    fix: 'List the sessions with GET /api/campaigns/{id}/sessions and use one of their numbers.',
    status: 404,
  },
  // --- installed modules
  VTT_ERR_MODULE_NOT_BUILT: {
    message: "The module '{id}' is not built: its entry bundle '{path}' does not exist.",
    fix: 'Build it with `vtt build` in its folder (`npm run build` builds the example systems), then start the server again.',
    status: 422,
  },
  VTT_ERR_MODULE_NO_BUNDLE: {
    message: "The module '{id}' names no entry bundle; the server runs only modules with a bundle.",
    fix: 'Add "entry": "dist/module.js" to its vtt-module.json and build it with `vtt build`.',
    status: 422,
  },
  VTT_ERR_MODULE_NOT_INSTALLED: {
    message: "The module '{id}' is not installed on this server.",
    fix: 'Ask the server admin to install it; GET /api/modules lists the modules installed.',
    status: 409,
  },
  VTT_ERR_MODULE_UNKNOWN_ID: {
    message: "There is no module '{id}' on this server.",
    fix: 'GET /api/modules lists the installed modules with their ids.',
    status: 404,
  },
  VTT_ERR_MODULE_ARCHIVE_TOO_LARGE: {
    message: 'The module archive is larger than the {limit} this server accepts.',
    fix: 'Make the module smaller (fewer or smaller assets) and pack it again, or ask the server admin to raise VTT_MAX_MODULE_BYTES.',
    status: 413,
  },
  VTT_ERR_MODULE_ARCHIVE_INVALID: {
    message:
      'The module in the archive is invalid ({count} problem(s)); the first is {problemCode} in {where}: {problem}',
    fix: 'Run `vtt validate` in the module folder, fix every problem it lists, pack it again with `vtt pack` and install the new archive.',
    status: 422,
  },
  VTT_ERR_MODULE_VERSION_EXISTS: {
    message: "Version {version} of the module '{id}' is installed already.",
    fix: 'Raise "version" in its vtt-module.json, pack it again and install that; GET /api/modules lists the stored versions.',
    status: 409,
  },
  VTT_ERR_MODULE_KIND_CHANGED: {
    message: "The archive makes '{id}' a {kind}, but its installed versions are a {installedKind}.",
    fix: 'Keep "kind" as it was, or publish the module under a new id; campaigns use a system and an add-on differently.',
    status: 409,
  },
  VTT_ERR_MODULE_DEPENDENCY_MISSING: {
    message: "The module '{id}' needs '{dependency}' {range}, but {found}.",
    fix: "Install a version of '{dependency}' that matches {range} first, then install this module again.",
    status: 409,
  },
  VTT_ERR_MODULE_IN_USE: {
    message: "The module '{id}' is used by {count} campaign(s): {campaigns}.",
    fix: 'Delete those campaigns, or have their GMs switch them to another module, then remove it again.',
    status: 409,
  },
  VTT_ERR_MODULE_DATA_IN_USE: {
    message: 'The data folder {dataDir} is in use: a server is running on it.',
    fix: 'Stop that server (Ctrl+C or SIGTERM) and run the command again, or install over HTTP while it runs (POST /api/modules, see docs/guide/modules.md).',
    status: 409,
  },
  // --- assets
  VTT_ERR_ASSET_TYPE: {
    message: 'The upload is not a PNG, JPEG, WebP or GIF image: its bytes are {detected}.',
    fix: 'Upload one of those image types; the type is read from the bytes, not from the name.',
    status: 415,
  },
  VTT_ERR_ASSET_TYPE_MISMATCH: {
    message: 'The upload says it is {declared}, but its bytes are {detected}.',
    fix: 'Save the image again in the type its name says (or rename it to match its bytes) and upload it again.',
    status: 415,
  },
  VTT_ERR_ASSET_SVG: {
    message: 'SVG images are not accepted: an SVG can load other files and run scripts.',
    fix: 'Export the drawing as a PNG (in Inkscape: File > Export PNG Image) and upload that.',
    status: 415,
  },
  VTT_ERR_ASSET_NO_FILE: {
    message: 'The upload holds no file.',
    fix: 'Send multipart/form-data with one file field (and optionally the fields "name" and "visibility").',
    status: 400,
  },
  VTT_ERR_ASSET_TOO_LARGE: {
    message: 'The upload is larger than the limit of {limit} ({max} bytes).',
    fix: 'Make the image smaller (a lower resolution or a stronger compression) and upload it again; the server admin sets the limit.',
    status: 413,
  },
  VTT_ERR_ASSET_TOO_MANY_PIXELS: {
    message:
      'The image is {width} x {height} pixels ({pixels} pixels); at most {max} pixels are accepted.',
    fix: 'Scale the image down and upload it again.',
    status: 413,
  },
  VTT_ERR_ASSET_CORRUPT: {
    message: 'The image cannot be read: {problem}.',
    fix: 'Open and save the image again in an image editor, then upload it.',
    status: 400,
  },
  VTT_ERR_ASSET_OBSERVER: {
    message: 'Observers may not upload images.',
    fix: 'Ask a GM of the campaign to upload it, or to make you a player.',
    status: 403,
  },
  VTT_ERR_ASSET_PLAYER_PUBLIC_ONLY: {
    message:
      'Players may upload public images only (such as token portraits), not "{visibility}" ones.',
    fix: 'Send "visibility": "public" (or leave it out); GM-only images are uploaded by a GM.',
    status: 403,
  },
  VTT_ERR_ASSET_NOT_FOUND: {
    message: 'There is no asset "{id}" that you can see.',
    fix: 'Check the id; the asset may have been deleted.',
    status: 404,
  },
  VTT_ERR_MAP_NOT_FOUND: {
    message: 'There is no map of scene "{sceneId}" that you can see.',
    fix: 'Check the scene id; the scene needs a background image uploaded to this campaign, and it may be hidden.',
    status: 404,
  },
  VTT_ERR_MAP_TILE_NOT_FOUND: {
    message: 'There is no tile {z}/{x}/{y} of the map of scene "{sceneId}" that you can see.',
    fix: 'Ask for the tiles GET .../scenes/{sceneId}/map describes; tiles under fog are not sent.',
    status: 404,
  },
  // --- the live-table protocol
  VTT_ERR_PROTOCOL_TOO_LARGE: {
    message: 'The message is {bytes} bytes; the limit is {max}.',
    fix: 'Send smaller messages; split large documents into several actions.',
    status: 413,
  },
  VTT_ERR_PROTOCOL_MALFORMED: {
    message: 'The message is not a JSON object: {problem}.',
    fix: 'Send one JSON object per text frame, as docs/reference/protocol.md shows.',
  },
  VTT_ERR_PROTOCOL_TOO_DEEP: {
    message: 'The message is nested deeper than {max} levels.',
    fix: 'Flatten the data; no action needs that much nesting.',
  },
  VTT_ERR_PROTOCOL_FORBIDDEN_KEY: {
    message: 'The message holds the key "{key}", which is never accepted.',
    fix: 'Rename the key; "__proto__", "constructor" and "prototype" are refused everywhere.',
  },
  VTT_ERR_PROTOCOL_INVALID: {
    message: 'The message field {pointer} is invalid: {problem}.',
    fix: 'See the message schemas in docs/reference/protocol.md.',
  },
  VTT_ERR_PROTOCOL_UNKNOWN_MESSAGE: {
    message: 'Unknown message type "{type}".',
    fix: 'Use one of: {known}.',
  },
  VTT_ERR_PROTOCOL_NOT_JOINED: {
    message: 'Send "join" before any other message.',
    fix: 'Start every connection with {"type":"join"} (with "since" when reconnecting).',
  },
  VTT_ERR_PROTOCOL_SERVER_ONLY: {
    message: 'The action "{type}" is the server\'s own: campaign membership is changed over HTTP.',
    fix: 'Invite with POST /api/campaigns/:id/invites; change roles or remove members with PATCH or DELETE /api/campaigns/:id/members/:userId.',
    status: 403,
  },
  VTT_ERR_PROTOCOL_MODULES_OVER_HTTP: {
    message:
      "A campaign's add-on modules are not set by an action: the server records them when a GM changes them over HTTP.",
    fix: 'Send PUT /api/campaigns/:id/modules with {"addons": [...]}; leave "modules" out of core:update-campaign.',
    status: 403,
  },
  VTT_ERR_PROTOCOL_CONNECTION_CLOSED: {
    message: 'The connection to the table ended ({reason}) before the request "{id}" was answered.',
    fix: 'Join the table again; a request resent with the same id is applied at most once, so check the table before repeating it.',
  },
  VTT_ERR_PROTOCOL_RATE_LIMITED: {
    message: 'Too many messages: at most {rate} a second.',
    fix: 'Slow down; the connection closes if the flood goes on.',
    status: 429,
  },
});
