// Shapes shared by several contracts. The server validates requests and serializes responses
// with these; the web app imports the same types.
import { Type, type Static } from 'typebox';
import { Roles, type Role as DomainRole } from '../domain/roles.js';

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

export { Roles };
export const Role = Type.Enum(Roles);
export type Role = DomainRole;

export const Locale = Type.Enum(['en', 'es']);
export type Locale = Static<typeof Locale>;

export const Ok = Type.Object({ ok: Type.Literal(true) });

/**
 * Compiles only when a schema's static type is exactly a domain type (each assignable to the
 * other): contracts check the shapes that src/domain declares, and domain never imports contracts.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** `type _Check = AssertTrue<SameShape<…>>` fails to compile when the shapes differ. */
export type AssertTrue<T extends true> = T;
