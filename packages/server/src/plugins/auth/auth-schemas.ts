/** JSON Schemas of the account routes' bodies and answers. */
import { PASSWORD_LIMITS } from './password.js';

/** Login names: 2-32 of a-z, 0-9, `_`, `.`, `-` (compared lower-cased). */
export const NAME_PATTERN = '^[A-Za-z0-9_.-]{2,32}$';

export const nameSchema = { type: 'string', pattern: NAME_PATTERN } as const;
export const passwordSchema = {
  type: 'string',
  minLength: 1,
  maxLength: PASSWORD_LIMITS.max,
} as const;
export const displayNameSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const userSchema = {
  type: 'object',
  required: ['id', 'name', 'displayName', 'isAdmin'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    displayName: { type: 'string' },
    isAdmin: { type: 'boolean' },
  },
} as const;

/** What login, setup, register and password change answer. */
export const loginAnswerSchema = {
  type: 'object',
  required: ['accessToken', 'expiresIn', 'refreshToken', 'user'],
  properties: {
    accessToken: { type: 'string' },
    expiresIn: { type: 'integer' },
    refreshToken: { type: 'string' },
    user: userSchema,
  },
} as const;
