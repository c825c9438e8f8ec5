// A real Rapport instance in its own process (`rapport serve` through bin/rapport.js, from the
// sources), on a free loopback port, for tests of several instances and of the read replica.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_SECRET } from './harness.js';

const BIN = resolve(import.meta.dirname, '../bin/rapport.js');

export interface Instance {
  url: string;
  /** Everything the process wrote to stdout so far (pino JSON lines once it serves). */
  output(): string;
  /** Parsed log lines at warn (40) or above. */
  warnings(): Array<{ level: number; msg: string; [k: string]: unknown }>;
  stop(): Promise<void>;
}

export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATABASE_REPLICA_URL', 'REPLICA_MAX_LAG_SECONDS', 'PORT'])
    delete base[k];
  const child: ChildProcess = spawn('node', [BIN, 'serve'], {
    env: {
      ...base,
      RAPPORT_FROM_SOURCE: '1',
      RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-instance-')),
      RAPPORT_DEMO: '0',
      SESSION_SECRET: TEST_SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!(url = /Rapport is running at (http:\/\/\S+)/.exec(out)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance did not start (exit ${child.exitCode}):\n${out}\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => out,
    warnings: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .filter((l) => l.level >= 40),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
