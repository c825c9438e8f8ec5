import { Type, type Static } from 'typebox';
import { Id, Locale, Role } from './common.js';

export const SignInBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 254, description: 'username or email' }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const SessionUser = Type.Object({
  accountId: Id,
  displayName: Type.String(),
  role: Role,
  locale: Locale,
  districtName: Type.String(),
  schoolId: Type.Union([Id, Type.Null()]),
});
export type SessionUser = Static<typeof SessionUser>;

/** What the web app gets after sign-in and from GET /api/auth/session. */
export const SessionResponse = Type.Object({
  user: SessionUser,
  /** Sent back in the x-csrf-token header on every state-changing request. */
  csrfToken: Type.String(),
});
export type SessionResponse = Static<typeof SessionResponse>;

export const SetLocaleBody = Type.Object({ locale: Locale }, { additionalProperties: false });
export type SetLocaleBody = Static<typeof SetLocaleBody>;
