/**
 * The logged-in user of a request, checked before its body and params are
 * (so an anonymous request gets 401, never a validation answer), and kept
 * for the handler.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../server-types.js';

const users = new WeakMap<FastifyRequest, AuthUser>();

/** A `preValidation` hook that requires a logged-in user (`app.auth.requireUser`). */
export function authenticate(app: FastifyInstance) {
  return async (request: FastifyRequest): Promise<void> => {
    users.set(request, await app.auth.requireUser(request));
  };
}

/** The user {@link authenticate} found for `request`. */
export function userOf(request: FastifyRequest): AuthUser {
  const user = users.get(request);
  if (user === undefined) throw new Error('route without the authenticate hook');
  return user;
}
