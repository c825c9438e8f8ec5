// A throwaway PostgreSQL primary and a streaming replica of it, for the read-replica test: initdb,
// pg_basebackup -R and pg_ctl from the PostgreSQL binaries, in a temporary folder, on free
// loopback ports. The machine's own cluster is never touched. As root the servers run as the
// postgres user (PostgreSQL refuses to run as root).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Why a cluster cannot be made here, or null when it can. */
export function clusterUnavailableReason(): string | null {
  for (const tool of ['initdb', 'pg_ctl', 'pg_basebackup'])
    if (!existsSync(join(PG_BIN, tool))) return `${join(PG_BIN, tool)} is missing`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    } catch {
      return 'running as root, but there is no postgres user to run the servers as';
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(tool: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? 'runuser' : join(PG_BIN, tool);
  const full = asRoot ? ['-u', 'postgres', '--', join(PG_BIN, tool), ...args] : args;
  return execFileSync(cmd, full, { stdio: 'pipe', encoding: 'utf8', timeout: 60_000 });
}

export interface PgServer {
  port: number;
  url(database: string): string;
  start(): void;
  stop(): void;
}

export interface PgCluster {
  primary: PgServer;
  replica: PgServer;
  /** Stops both servers (if running) and deletes their folder. */
  destroy(): void;
}

function server(root: string, name: string, port: number): PgServer {
  const dir = join(root, name);
  const opts = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    // A test cluster: speed over durability.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c shared_buffers=16MB',
    '-c max_connections=40',
  ].join(' ');
  let running = false;
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      run('pg_ctl', ['-D', dir, '-w', '-t', '60', '-l', `${dir}.log`, '-o', opts, 'start']);
      running = true;
    },
    stop() {
      if (!running) return;
      run('pg_ctl', ['-D', dir, '-w', '-m', 'fast', 'stop']);
      running = false;
    },
  };
}

/** Creates and starts a primary and a streaming replica of it (about 3 s). */
export async function startCluster(): Promise<PgCluster> {
  const root = mkdtempSync('/tmp/rapport-pg-');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const [pPort, rPort] = [await freePort(), await freePort()];
  const primary = server(root, 'primary', pPort);
  const replica = server(root, 'replica', rPort);
  const cluster: PgCluster = {
    primary,
    replica,
    destroy() {
      for (const s of [replica, primary]) {
        try {
          s.stop();
        } catch {
          // already stopped (a test stops servers on purpose)
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    // The default pg_hba.conf of initdb -A trust admits local replication connections.
    run('initdb', [
      '-D',
      join(root, 'primary'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    primary.start();
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(pPort),
      '-U',
      'postgres',
      '-D',
      join(root, 'replica'),
      '-R', // writes standby.signal and primary_conninfo: a streaming replica
      '-X',
      'stream',
      '--no-sync',
    ]);
    replica.start();
  } catch (err) {
    cluster.destroy();
    throw err;
  }
  return cluster;
}
