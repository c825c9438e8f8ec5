// The only module that reads process.env. Everything is parsed and validated here, once, at
// start-up; a bad value stops the process with a message naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseTarget;
  /** A streaming replica of a PostgreSQL primary for dashboard reads (docs/decisions/018). */
  replica: { url: string; maxLagSeconds: number } | null;
  sessionSecret: string;
  sessionTtlHours: number;
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Which proxies' X-Forwarded-For entries to believe: false (none, the socket's address is the
   * client), a number of proxy hops in front of Rapport, or the proxies' addresses (IPs or CIDR
   * ranges). Never "every hop": the left-most entry is whatever the client wrote.
   */
  trustProxy: TrustProxy;
  /** Minimum group size for aggregates of students (PRODUCT.md: default 5, never below 3). */
  minGroupSize: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Every setting, its default and what it means: the README's settings table is written from this. */
export const SETTINGS = [
  ['PORT', '3000', 'TCP port the server listens on'],
  ['HOST', '127.0.0.1', 'address the server binds to (0.0.0.0 to accept outside connections)'],
  [
    'DATABASE_URL',
    'sqlite:./data/rapport.db',
    '`sqlite:<path>` or `postgres://user:pass@host:port/db`',
  ],
  [
    'DATABASE_REPLICA_URL',
    '(none)',
    '`postgres://…` of a streaming replica of DATABASE_URL; dashboards read from it',
  ],
  [
    'REPLICA_MAX_LAG_SECONDS',
    '30',
    'a replica further behind than this is skipped (reads go to the primary); also how long a user who just wrote reads from the primary',
  ],
  [
    'SESSION_SECRET',
    'generated into ./data/session-secret',
    'secret for signing cookies; at least 32 characters; required when NODE_ENV=production',
  ],
  ['SESSION_TTL_HOURS', '12', 'a session expires after this many hours without use'],
  [
    'RAPPORT_DEMO',
    '1 (0 when NODE_ENV=production)',
    '1: create the demo district when the database is empty; 0: never',
  ],
  [
    'RAPPORT_DATA_DIR',
    './data',
    'folder for the embedded database and the generated session secret',
  ],
  ['RAPPORT_MIN_GROUP_SIZE', '5', 'smallest group of students any aggregate shows (3 or more)'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  [
    'TRUST_PROXY',
    '0',
    'behind reverse proxies that set X-Forwarded-For / X-Forwarded-Proto: their number of hops (1 for one proxy) or their addresses as a comma-separated list of IPs or CIDR ranges',
  ],
  ['NODE_ENV', 'development', 'development, production or test'],
] as const;

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

export type TrustProxy = false | number | string[];

/**
 * TRUST_PROXY: 0 (or empty) trusts no proxy; a whole number is how many proxy hops stand in
 * front of Rapport (the client is that many entries from the right of X-Forwarded-For); a list
 * of IPs or CIDR ranges names the proxies (entries added by them are skipped from the right).
 * "true" is refused: trusting every hop takes the left-most entry, which the client controls.
 */
export function trustProxyVar(env: Env, name: string): TrustProxy {
  const raw = (env[name] ?? '').trim();
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(name, `must be at most 10 proxy hops, got ${hops}`);
    return hops;
  }
  if (['true', 'yes', 'on'].includes(raw.toLowerCase()))
    throw new ConfigError(
      name,
      `"${raw}" would trust every X-Forwarded-For entry, the left-most of which the client writes; give the number of proxy hops (1 for one proxy) or the proxies' addresses (e.g. 10.0.0.0/8,192.0.2.7)`,
    );
  const list = raw.split(',').map((part) => part.trim());
  list.forEach((entry, i) => {
    const problem = addressProblem(entry);
    if (problem) throw new ConfigError(name, `entry ${i + 1} ("${entry}") ${problem}`);
  });
  return list;
}

/** Why an IP address or CIDR range is not one, or null. */
function addressProblem(entry: string): string | null {
  const [address = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return 'has more than one "/"';
  const family = isIP(address);
  if (family === 0) return 'is not an IP address or a CIDR range';
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || Number(prefix) > max)
    return `has a prefix length that is not between 0 and ${max}`;
  return null;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be 1 or 0 (true or false), got "${raw}"`);
}

/** Parses a DATABASE_URL value; relative SQLite paths resolve against `cwd`. */
export function parseDatabaseUrl(
  raw: string,
  cwd: string,
  variable = 'DATABASE_URL',
): DatabaseTarget {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new ConfigError(variable, 'sqlite: needs a file path, e.g. sqlite:./data/rapport.db');
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      const url = new URL(raw);
      if (!url.hostname) throw new Error('no host');
    } catch {
      throw new ConfigError(variable, 'is not a valid postgres:// URL');
    }
    return { dialect: 'postgres', url: raw };
  }
  throw new ConfigError(
    variable,
    `must start with sqlite: or postgres://, got "${raw.slice(0, 40)}"`,
  );
}

function sessionSecret(env: Env, nodeEnv: Config['env'], dataDir: string): string {
  const raw = env.SESSION_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
    return raw;
  }
  if (nodeEnv === 'production') {
    throw new ConfigError('SESSION_SECRET', 'is required when NODE_ENV=production');
  }
  // Embedded default: generate once and keep it beside the database so sessions survive restarts.
  const file = resolve(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function replicaVar(env: Env, primary: DatabaseTarget, cwd: string): Config['replica'] {
  const raw = env.DATABASE_REPLICA_URL;
  const maxLagSeconds = intVar(env, 'REPLICA_MAX_LAG_SECONDS', 30, 1, 3600);
  if (raw === undefined || raw === '') return null;
  const target = parseDatabaseUrl(raw, cwd, 'DATABASE_REPLICA_URL');
  if (target.dialect !== 'postgres')
    throw new ConfigError(
      'DATABASE_REPLICA_URL',
      'must be a postgres:// URL (a streaming replica)',
    );
  if (primary.dialect !== 'postgres')
    throw new ConfigError(
      'DATABASE_REPLICA_URL',
      'needs DATABASE_URL to be a postgres:// URL: a replica copies a PostgreSQL primary',
    );
  return { url: target.url, maxLagSeconds };
}

/** Reads and validates the configuration. Throws ConfigError naming the variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError(
      'NODE_ENV',
      `must be development, production or test, got "${nodeEnvRaw}"`,
    );
  }
  const nodeEnv = nodeEnvRaw as Config['env'];
  const dataDir = resolve(cwd, env.RAPPORT_DATA_DIR || './data');
  const database = parseDatabaseUrl(
    env.DATABASE_URL || `sqlite:${resolve(dataDir, 'rapport.db')}`,
    cwd,
  );
  const host = env.HOST || '127.0.0.1';
  const replica = replicaVar(env, database, cwd);
  if (!/^[\w.:-]+$/.test(host))
    throw new ConfigError('HOST', `is not a host name or address: "${host}"`);
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of fatal, error, warn, info, debug, trace, silent`,
    );
  }
  return {
    env: nodeEnv,
    host,
    port: intVar(env, 'PORT', 3000, 0, 65535),
    dataDir,
    database,
    replica,
    sessionSecret: sessionSecret(env, nodeEnv, dataDir),
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    // A production deployment never gets demo accounts with a published password by default.
    demo: boolVar(env, 'RAPPORT_DEMO', nodeEnv !== 'production'),
    logLevel,
    trustProxy: trustProxyVar(env, 'TRUST_PROXY'),
    minGroupSize: intVar(env, 'RAPPORT_MIN_GROUP_SIZE', 5, 3, 1000),
  };
}
