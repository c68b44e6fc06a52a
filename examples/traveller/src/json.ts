/** JSON values as the SDK types them. */
export type { JsonValue } from '@vtt/sdk';
