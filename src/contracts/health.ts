import { Type, type Static } from 'typebox';

export const HealthResponse = Type.Object({
  /** ok: everything answers; degraded: the replica is down or behind (200) or the primary is down (503). */
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({
    dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
    reachable: Type.Boolean(),
    migration: Type.Union([Type.String(), Type.Null()]),
  }),
  /** none: no DATABASE_REPLICA_URL; lagging: further behind than REPLICA_MAX_LAG_SECONDS. */
  replica: Type.Union([
    Type.Literal('none'),
    Type.Literal('up'),
    Type.Literal('lagging'),
    Type.Literal('down'),
  ]),
  /** Seconds the replica is behind the primary; null without a replica or when it is unreachable. */
  replicaLagSeconds: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
});
export type HealthResponse = Static<typeof HealthResponse>;
