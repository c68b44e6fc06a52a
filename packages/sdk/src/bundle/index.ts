/** `@vtt/sdk/bundle`: bundling a module for the sandbox (Node only). */
export { bundleModule } from './bundle-module.js';
export type { BundleDiagnostic, BundleOptions, BundleResult } from './bundle-module.js';
