// Shapes shared by several contracts. The server validates requests and serializes responses
// with these; the web app imports the same types.
import { Type, type Static } from 'typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const IsoInstant = Type.String({ minLength: 20, maxLength: 40 });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    row: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Roles = [
  'district_admin',
  'leader',
  'coach',
  'teacher',
  'student',
  'guardian',
] as const;
export const Role = Type.Enum(Roles);
export type Role = (typeof Roles)[number];

export const Locale = Type.Enum(['en', 'es']);
export type Locale = Static<typeof Locale>;

export const Ok = Type.Object({ ok: Type.Literal(true) });
