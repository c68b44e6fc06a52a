/**
 * `@vtt/sdk/testing`: run a module's rules in the real sandbox from tests.
 */
export { createTestTable, rejectionOf } from './create-test-table.js';
export type { TestModule, TestTable, TestTableOptions, TestUser } from './create-test-table.js';
