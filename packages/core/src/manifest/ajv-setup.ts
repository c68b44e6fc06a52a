import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { VISIBILITY_KEYWORD } from './field-visibility.js';
import { MODULE_FORMATS } from './module-formats.js';

// ajv-formats is CommonJS; under NodeNext its default import is `module.exports`.
const addFormats = addFormatsModule.default;

/**
 * A new Ajv instance in strict mode with every error reported, ajv-formats'
 * formats, the `vtt-*` formats of {@link MODULE_FORMATS} and the
 * `x-vtt-visibility` annotation of actor fields. `$data` is off
 * and nothing is loaded from the network. A fresh instance per untrusted
 * schema keeps one module's schemas from leaking into another's.
 */
export function createStrictAjv(): Ajv {
  const options: Options = {
    strict: true,
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    discriminator: true,
    $data: false,
    logger: false,
    // Large `required`/`enum` lists become loops rather than unrolled code.
    loopRequired: 16,
    loopEnum: 16,
    code: { optimize: 1 },
  };
  const ajv = new Ajv(options);
  addFormats(ajv);
  for (const [name, test] of Object.entries(MODULE_FORMATS)) ajv.addFormat(name, test);
  // An annotation: core's projection reads it (see field-visibility.ts), validation ignores it.
  ajv.addKeyword({ keyword: VISIBILITY_KEYWORD, metaSchema: { enum: ['gm', 'owner'] } });
  return ajv;
}
