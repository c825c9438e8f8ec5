import { Type, type Static } from 'typebox';

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({
    dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    reachable: Type.Boolean(),
    migration: Type.Union([Type.String(), Type.Null()]),
  }),
});
export type HealthResponse = Static<typeof HealthResponse>;
