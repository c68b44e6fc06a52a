import { defineErrors } from './error-spec.js';

/**
 * Error codes of the module marketplace: a server acting as a registry
 * (`vtt serve --registry`), `vtt publish`, and installing `id@range` from a
 * registry URL.
 */
export const REGISTRY_ERRORS = defineErrors({
  VTT_ERR_REGISTRY_DISABLED: {
    message: 'This server is not a module registry.',
    fix: 'Start it with `vtt serve --registry` (or VTT_REGISTRY=1) to list and accept published modules.',
    status: 404,
  },
  // --- publishing
  VTT_ERR_REGISTRY_NOT_OWNER: {
    message:
      "The module id '{id}' belongs to the user who first published it on this registry; you may not publish versions of it.",
    fix: 'Publish under a module id of your own (change "id" in vtt-module.json and pack again), or ask that user or an admin of the registry to publish it.',
    status: 403,
  },
  VTT_ERR_REGISTRY_VERSION_EXISTS: {
    message:
      "Version {version} of '{id}' is published on this registry already; a published version is never replaced.",
    fix: 'Raise "version" in vtt-module.json, pack the module again (`vtt pack`) and publish that version.',
    status: 409,
  },
  VTT_ERR_REGISTRY_KIND_CHANGED: {
    message: "'{id}' is published as a {publishedKind}; this archive makes it a {kind}.",
    fix: 'Keep "kind": "{publishedKind}" in vtt-module.json, or publish the {kind} under a new module id.',
    status: 409,
  },
  VTT_ERR_REGISTRY_TOKEN_MISSING: {
    message: '`vtt publish` needs an API token of your account on the registry {registry}.',
    fix: 'Make one with the scope modules:publish on that server (POST /api/auth/tokens, or the account page), then set VTT_REGISTRY_TOKEN=<token> or pass --token.',
    status: 401,
  },
  // --- installing from a registry
  VTT_ERR_REGISTRY_URL_INVALID: {
    message: 'The registry address {url} cannot be used: {problem}.',
    fix: 'Give the http:// or https:// address of a server run with `vtt serve --registry`, such as https://modules.example.com.',
    status: 400,
  },
  VTT_ERR_REGISTRY_SPEC_INVALID: {
    message: "'{spec}' does not name a module to install: {problem}.",
    fix: "Write the module id and a semver range, such as 'my-system@^1.2.0', or only the id for its newest version.",
    status: 400,
  },
  VTT_ERR_REGISTRY_UNREACHABLE: {
    message: 'The registry {registry} could not be reached: {problem}.',
    fix: 'Check the address and that the server there runs with --registry and is reachable from here, then try again.',
    status: 502,
  },
  VTT_ERR_REGISTRY_ANSWER_INVALID: {
    message:
      'The registry {registry} answered {url} with something that is no module listing: {problem}.',
    fix: 'Check that the address is that of a VTT server run with --registry (not a web page in front of it), or tell its admin.',
    status: 502,
  },
  VTT_ERR_REGISTRY_MODULE_NOT_FOUND: {
    message: "The registry {registry} lists no module '{id}'.",
    fix: 'Check the id; search the registry with GET {registry}/api/registry/modules?q=<words>.',
    status: 404,
  },
  VTT_ERR_REGISTRY_NO_MATCHING_VERSION: {
    message:
      "No version of '{id}' on {registry} satisfies '{range}' and runs on core API {coreVersion}; it has {versions}.",
    fix: 'Ask for a range that one of those versions satisfies (a version with an engine range this server does not meet cannot be installed here), or upgrade this server.',
    status: 409,
  },
  VTT_ERR_REGISTRY_ARCHIVE_TOO_LARGE: {
    message:
      'The archive of {id}@{version} on {registry} is larger than the {limit} this server accepts; nothing was installed.',
    fix: 'Raise VTT_MAX_MODULE_BYTES on this server if you trust the module, or ask its author for a smaller one.',
    status: 502,
  },
  VTT_ERR_REGISTRY_SHA256_MISMATCH: {
    message:
      'The archive of {id}@{version} downloaded from {registry} has SHA-256 {got}, but the listing says {expected}; nothing was installed.',
    fix: "The archive was changed after it was published, or on the way: do not install it. Tell the registry's admin; the author can publish a new version.",
    status: 502,
  },
  VTT_ERR_REGISTRY_DIGEST_MISMATCH: {
    message:
      'The archive of {id}@{version} from {registry} has the verified digest {got}, but the listing says {expected}; nothing was installed.',
    fix: "The listing and the archive disagree about the module's files: do not install it. Tell the registry's admin; the author can publish a new version.",
    status: 502,
  },
  VTT_ERR_REGISTRY_MANIFEST_MISMATCH: {
    message:
      'The archive listed as {id}@{version} on {registry} holds {gotId}@{gotVersion}; nothing was installed.',
    fix: "The registry serves the wrong archive for that version: tell the registry's admin.",
    status: 502,
  },
});
