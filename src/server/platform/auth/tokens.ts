// What the database keeps of a secret token (a session's, a one-time link's): SHA-256 of it,
// never the token. Its own module so that sessions and links share it without importing each
// other (the session plugin reads req.linkActor, which the links plugin declares).
import { createHash } from 'node:crypto';

/** SHA-256 of a token, base64url: the stored id of a session or a link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
