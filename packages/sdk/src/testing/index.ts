/**
 * `@vtt/sdk/testing`: run a module's rules in the real sandbox from tests.
 */
export { createTestTable, createdId, rejectionOf } from './create-test-table.js';
export type { TestModule, TestTable, TestTableOptions, TestUser } from './create-test-table.js';
/**
 * The test API of vitest, which `vtt test` runs, re-exported so a module's
 * tests need no dependency of their own: `import { describe, it, expect }
 * from '@vtt/sdk/testing'`.
 */
export { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, test } from 'vitest';
