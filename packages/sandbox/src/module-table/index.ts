/** The table pipeline with module rules in the sandbox. */
export { createModuleTable } from './module-table.js';
export { describeModule } from './describe-module.js';
export type {
  ModuleBundle,
  ModuleTable,
  ModuleTableOptions,
  RollChange,
  TableChange,
  TableModuleStatus,
} from './module-table-types.js';
