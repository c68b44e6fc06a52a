import { defineErrors } from './error-spec.js';

/** Error codes of a module project on disk, as the `vtt` CLI reads it (`VTT_ERR_PROJECT_*`). */
export const PROJECT_ERRORS = defineErrors({
  VTT_ERR_PROJECT_NO_MANIFEST: {
    message: 'There is no vtt-module.json in {dir}.',
    fix: 'Run the command inside a module folder, pass the folder as an argument, or create one with `vtt new <name>`.',
    status: 404,
  },
  VTT_ERR_PROJECT_JSON_INVALID: {
    message: '{file} is not valid JSON: {problem} (line {line}, column {column}).',
    fix: 'Fix the JSON syntax at that position (a missing comma or quote is the usual cause).',
    status: 422,
  },
  VTT_ERR_PROJECT_ENTRY_MISSING: {
    message: 'No source entry: none of {candidates} exists.',
    fix: 'Create src/module.ts exporting `default defineModule({...})`, or pass --entry <file>.',
    status: 422,
  },
  VTT_ERR_PROJECT_BUILD_FAILED: {
    message: '{file}:{line}:{column}: {problem}',
    fix: 'Fix the code at that position and build again.',
    status: 422,
  },
  VTT_ERR_PROJECT_ASSET_MISSING: {
    message: 'The asset pattern "{pattern}" matches no file.',
    fix: 'Add the file, or correct or remove the pattern in /assets of vtt-module.json.',
    status: 422,
  },
  VTT_ERR_PROJECT_UNKNOWN_ROLL: {
    message: 'The sheet names the roll "{roll}", which the module does not register.',
    fix: 'Use a roll the module registers ({known}), or add "{roll}" to `rolls` in defineModule.',
    status: 422,
  },
  VTT_ERR_PROJECT_ID_MISMATCH: {
    message: 'The bundle declares module id "{found}" but vtt-module.json says "{expected}".',
    fix: 'Use the same id in defineModule({ id }) and in the manifest.',
    status: 422,
  },
});
