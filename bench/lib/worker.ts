// A benchmark's client in a child process: the child gets its own core on a 2-core machine, so
// the client never takes event-loop time from the servers under test. One job at a time; the
// child stays up between jobs so its JIT stays warm.
import { fork, type ChildProcess } from 'node:child_process';

export interface Worker<Job, Result> {
  run(job: Job): Promise<Result>;
  close(): Promise<void>;
}

/** Forks `file` (a worker that answers each job message with `{ result }` or `{ error }`). */
export function startWorker<Job, Result>(file: string, name: string): Worker<Job, Result> {
  // Inherit tsx's loader, but not profiling flags meant for the servers' process.
  const execArgv = process.execArgv.filter(
    (a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect'),
  );
  const child: ChildProcess = fork(file, [], { execArgv, stdio: 'inherit' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    run(job) {
      return new Promise((resolveRun, reject) => {
        if (exited) return reject(new Error(`the ${name} has exited`));
        const onExit = (code: number | null) =>
          reject(new Error(`the ${name} exited (code ${code}) mid-run`));
        child.once('exit', onExit);
        child.once('message', (msg: { result?: Result; error?: string }) => {
          child.off('exit', onExit);
          if (msg.error !== undefined || !msg.result)
            reject(new Error(`${name} run failed: ${msg.error}`));
          else resolveRun(msg.result);
        });
        child.send(job as object);
      });
    },
    close() {
      if (exited) return Promise.resolve();
      return new Promise((done) => {
        child.once('exit', () => done());
        child.disconnect();
      });
    },
  };
}
