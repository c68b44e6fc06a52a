import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { ValidateOptions } from './run-validate.js';

/** Defines `vtt validate`; the implementation is loaded only when the command runs. */
export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .summary('check the manifest, schemas, sheets, compendium, assets and capabilities')
    .description(
      'Check everything the module declares: the manifest, each actor and item schema, every ' +
        'sheet (each field it shows exists in the schema), every compendium entry (valid against ' +
        'its type), the source entry and the asset files. Reports all problems at once, each with ' +
        'its file, JSON pointer and fix. It also builds the module in memory, loads it in the ' +
        'sandbox and checks the hooks the code registers against core (a misspelt name gets a ' +
        'did-you-mean) and against the capabilities the manifest declares; on success it prints ' +
        'those capabilities as GMs will read them.',
    )
    .argument('[dir]', 'the module folder', '.')
    .option('--entry <file>', 'source entry, relative to the folder (default: src/module.ts)')
    .option('--json', 'print { ok, errors, warnings } as JSON', false)
    .addHelpText(
      'after',
      ['', 'Examples:', '  $ vtt validate', '  $ vtt validate ./my-system --json'].join('\n'),
    )
    .action(async (dir: string, options: ValidateOptions) => {
      const { runValidate } = await import('./run-validate.js');
      await runValidate(dir, options, io);
    });
}
