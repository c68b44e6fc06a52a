/**
 * JSON values as the SDK types them (the SDK re-exports no `JsonValue`).
 */
import type { ModuleContext } from '@vtt/sdk';

/** Any JSON value. */
export type JsonValue = ReturnType<ModuleContext['derived']>;
