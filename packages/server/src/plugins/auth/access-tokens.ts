/**
 * Access tokens: short-lived JWTs signed HS256 with the server's key. The
 * algorithm is pinned on verification, so `alg: none` and tokens signed
 * with another algorithm (key confusion) are refused.
 */
import { VttError } from '@vtt/core';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'vtt';

/** What an access token says. */
export interface AccessClaims {
  readonly userId: string;
  readonly sessionId: string;
}

/** Signs an access token valid for `seconds`. */
export async function signAccessToken(
  claims: AccessClaims,
  key: Uint8Array,
  seconds: number,
): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .sign(key);
}

/**
 * Verifies signature, algorithm, issuer and expiry.
 * @throws VttError `VTT_ERR_AUTH_TOKEN_EXPIRED` or `VTT_ERR_AUTH_TOKEN_INVALID`.
 */
export async function verifyAccessJwt(token: string, key: Uint8Array): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER });
    if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string') {
      throw new VttError('VTT_ERR_AUTH_TOKEN_INVALID');
    }
    return { userId: payload.sub, sessionId: payload['sid'] };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new VttError('VTT_ERR_AUTH_TOKEN_EXPIRED');
    if (error instanceof VttError) throw error;
    throw new VttError('VTT_ERR_AUTH_TOKEN_INVALID');
  }
}
