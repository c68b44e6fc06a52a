import { Command, Option } from 'commander';
import type { CliIo } from '../lib/io.js';
import { MODULE_TEMPLATES } from '../lib/module-templates.js';
import type { NewOptions } from './run-new.js';

const templateList = Object.entries(MODULE_TEMPLATES)
  .map(([name, what]) => `  ${name.padEnd(10)} ${what}`)
  .join('\n');

/** Defines `vtt new`; the implementation is loaded only when the command runs. */
export function newCommand(io: CliIo): Command {
  return new Command('new')
    .summary('scaffold a new game-system module')
    .description(
      'Create a module project from a starter template: a manifest (vtt-module.json), rules in ' +
        'src/module.ts with a custom action and a named roll, a character sheet, a compendium ' +
        'pack, tests and a README. The name becomes the module id in kebab-case ("My Game" is ' +
        'my-game) and the folder it is created in; an existing folder must be empty.',
    )
    .argument('<name>', 'module name, e.g. my-game or "My Game" (letters, digits, spaces, - and _)')
    .addOption(
      new Option('-t, --template <template>', 'starter template')
        .choices(Object.keys(MODULE_TEMPLATES))
        .default('d20'),
    )
    .option('-d, --dir <parent>', 'create the module folder in <parent> (default: here)')
    .option('--json', 'print JSON: { dir, id, template, files }', false)
    .addHelpText(
      'after',
      [
        '',
        'Templates:',
        templateList,
        '',
        'Examples:',
        '  $ vtt new my-game                           a d20 system in ./my-game',
        '  $ vtt new "Neon Streets" --template dice-pool',
        '  $ vtt new star-trader -t 2d6 --dir ~/modules',
        '  $ cd my-game && vtt build && vtt test && vtt pack',
      ].join('\n'),
    )
    .action(async (name: string, options: NewOptions) => {
      const { runNew } = await import('./run-new.js');
      await runNew(name, options, io);
    });
}
