/**
 * One error shape for every HTTP answer: `{ error: { code, message, params } }`
 * with the code's status. Unexpected errors are logged and answered with a
 * generic 500 that reveals nothing.
 */
import { ERROR_CODES, VttError, isVttError, type WireError } from '@vtt/core';
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';

/** The wire form of a VttError. */
export function wireError(error: VttError): WireError {
  return error.toJSON();
}

function fromFastify(error: FastifyError): VttError | null {
  if (error.validation !== undefined && error.validation.length > 0) {
    const first = error.validation[0]!;
    const at = `${error.validationContext ?? 'body'}${first.instancePath || ''}`;
    const extra = (first.params as { additionalProperty?: unknown } | undefined)
      ?.additionalProperty;
    if (first.keyword === 'additionalProperties' && typeof extra === 'string') {
      // Name the unknown field itself: most often a misspelt one.
      return new VttError('VTT_ERR_HTTP_INVALID', {
        pointer: `${at}/${extra}`,
        problem: 'is no field of this route',
      });
    }
    return new VttError('VTT_ERR_HTTP_INVALID', {
      pointer: at || '/',
      problem: first.message ?? 'invalid',
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    return new VttError('VTT_ERR_HTTP_TOO_LARGE');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code?.startsWith('FST_ERR_CTP')) {
    return new VttError('VTT_ERR_HTTP_INVALID', { pointer: 'body', problem: error.message });
  }
  return null;
}

/** Sets the error and not-found handlers. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const known = isVttError(error) ? error : fromFastify(error);
      if (known !== null) {
        const status = (ERROR_CODES[known.code] as { status?: number }).status ?? 400;
        const seconds = known.params['seconds'];
        if (status === 429 && typeof seconds === 'number' && !reply.hasHeader('retry-after')) {
          reply.header('retry-after', String(seconds));
        }
        return reply.status(status).send({ error: wireError(known) });
      }
      request.log.error({ err: error }, 'unexpected error');
      return reply.status(500).send({ error: wireError(new VttError('VTT_ERR_SERVER_INTERNAL')) });
    });
    app.setNotFoundHandler(async (request, reply) => {
      const error = new VttError('VTT_ERR_HTTP_NOT_FOUND', {
        method: request.method,
        url: request.url.split('?')[0] ?? '/',
      });
      return reply.status(404).send({ error: wireError(error) });
    });
  },
  { name: 'vtt-errors' },
);
