/**
 * How the HTTP routes check their input against their JSON Schemas. A JSON
 * body is taken as sent: a field of the wrong type is refused, not
 * converted ("5" is no number, 5 no string), and a field a route does not
 * know is refused, not silently dropped, so a misspelt field name is an
 * error that names it. Query strings, path parameters and headers arrive as
 * text, so their numbers and booleans are converted before the check.
 * (Fastify's own default converts and drops in bodies too.)
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default import is `module.exports`.
const addFormats = addFormatsModule.default;

function ajvWith(options: Options): Ajv {
  const ajv = new Ajv({
    useDefaults: true,
    removeAdditional: false,
    // One error is enough to answer with, and bounds the work a hostile body causes.
    allErrors: false,
    // The route schemas carry OpenAPI annotations (`format: binary`, `example`) Ajv does not know.
    strict: false,
    logger: false,
    ...options,
  });
  addFormats(ajv);
  return ajv;
}

const forBodies = ajvWith({ coerceTypes: false });
const forText = ajvWith({ coerceTypes: 'array' });

/** The validator compiler of every route (see the module comment). */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? forBodies : forText).compile(schema as object);
