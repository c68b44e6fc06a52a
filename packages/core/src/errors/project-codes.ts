import { defineErrors } from './error-spec.js';

/**
 * Error codes of a module project on disk, as the `vtt` CLI reads, scaffolds,
 * builds, tests and packs it (`VTT_ERR_PROJECT_*`).
 */
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
    message: '{problem}',
    fix: 'Fix the code at {file}:{line}:{column} and build again.',
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
  VTT_ERR_PROJECT_BUILD_WARNING: {
    message: '{problem}',
    fix: 'The bundle was built; look at {file}:{line}:{column}, which may not do what you meant.',
    status: 422,
  },
  VTT_ERR_PROJECT_DIR_MISSING: {
    message: 'The folder {dir} does not exist.',
    fix: 'Pass the path of a module folder, or create one with `vtt new <name>`.',
    status: 404,
  },
  VTT_ERR_PROJECT_NAME_IS_PATH: {
    message: "'{input}' is a path, not a module name.",
    fix: 'Give just the name and choose where the folder goes with --dir, e.g. `vtt new my-game --dir ~/modules`.',
    status: 422,
  },
  VTT_ERR_PROJECT_NAME_INVALID: {
    message: "'{input}' is not a valid module name.",
    fix: 'A name has letters (a-z), digits, spaces, hyphens or underscores, starts with a letter and gives a kebab-case id of 3-64 characters: e.g. `vtt new my-game` or `vtt new "My Game"`.',
    status: 422,
  },
  VTT_ERR_PROJECT_NAME_BAD_ID: {
    message: "'{input}' would give the module id '{id}', which is not valid.",
    fix: 'A name has letters (a-z), digits, spaces, hyphens or underscores, starts with a letter and gives a kebab-case id of 3-64 characters: e.g. `vtt new my-game` or `vtt new "My Game"`.',
    status: 422,
  },
  VTT_ERR_PROJECT_NAME_RESERVED: {
    message: "'{id}' is reserved for the engine's own actions.",
    fix: 'Choose another name.',
    status: 422,
  },
  VTT_ERR_PROJECT_TEMPLATE_UNKNOWN: {
    message: "There is no template '{template}'.",
    fix: 'Choose one of: {templates}.',
    status: 422,
  },
  VTT_ERR_PROJECT_TEMPLATES_MISSING: {
    message: 'The module templates are missing from this installation of @vtt/cli.',
    fix: 'Reinstall @vtt/cli.',
    status: 500,
  },
  VTT_ERR_PROJECT_DIR_IS_FILE: {
    message: '{dir} exists and is a file.',
    fix: 'Choose another name or another --dir.',
    status: 409,
  },
  VTT_ERR_PROJECT_DIR_NOT_EMPTY: {
    message: '{dir} is not empty (it has {entries}).',
    fix: '`vtt new` only writes into a new or empty folder: choose another name, another --dir, or move those files away first.',
    status: 409,
  },
  VTT_ERR_PROJECT_NO_TESTS: {
    message: 'No tests found in {dir} (src/**/*.test.ts, test/**/*.test.ts).',
    fix: 'Add a test file that imports describe, it and createTestTable from @vtt/sdk/testing: see docs/modules/tutorial.md.',
    status: 422,
  },
  VTT_ERR_PROJECT_TEST_FAILED: {
    message: 'The test "{test}" failed: {problem}',
    fix: 'Fix the rules or the test, then run `vtt test` again (`vtt test -t <pattern>` runs only the tests whose name matches).',
    status: 422,
  },
  VTT_ERR_PROJECT_TEST_FILE_FAILED: {
    message: '{file} could not run: {problem}',
    fix: 'Fix that file: its imports, or the code outside its tests.',
    status: 422,
  },
  VTT_ERR_PROJECT_ARCHIVE_MISSING: {
    message: '{file} is not a file.',
    fix: 'Pass the path of a .vttmod archive (`vtt pack` writes one).',
    status: 404,
  },
  VTT_ERR_PROJECT_ARCHIVE_TOO_LARGE: {
    message: '{file} is {size} bytes, over the {max}-byte limit of a module archive.',
    fix: 'Pass a .vttmod archive that `vtt pack` wrote; a module archive stays under {max} bytes.',
    status: 413,
  },
});
