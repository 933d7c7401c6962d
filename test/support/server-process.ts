// The real server as a child process (node --import tsx server/main.ts, or another command such as
// a deployment's build), for tests that need a process boundary: crashes (kill -9), restarts,
// signals, production builds. Each start picks a free port and retries when it was taken in the meantime.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** SIGKILL, then wait for the exit: no shutdown hook runs, nothing is flushed or closed. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface StartOptions {
  timeoutMs?: number;
  port?: number;
  /** The folder to start in (the repository by default) and node's arguments there. */
  cwd?: string;
  args?: string[];
}

async function startOnce(env: Record<string, string>, port: number, opts: StartOptions): Promise<ServerProcess> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, opts.args ?? ['--import', 'tsx', 'server/main.ts'], {
    cwd: opts.cwd ?? ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    child,
    port,
    baseUrl,
    output: () => out,
    async kill9() {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
    async stop(graceMs = 10_000) {
      const done = exited(child);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw Object.assign(new Error(`server exited (${child.exitCode ?? child.signalCode}) before ready:\n${out}`), { addressInUse: /EADDRINUSE/.test(out) });
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return proc;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await proc.kill9();
  throw new Error(`server not ready within ${timeoutMs} ms:\n${out}`);
}

/** Starts server/main.ts (or `opts.args` in `opts.cwd`) with the given environment and waits for /readyz. */
export async function startServer(env: Record<string, string>, opts: StartOptions = {}): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await startOnce(env, port, opts);
    } catch (err) {
      if (attempt < 5 && (err as { addressInUse?: boolean }).addressInUse && opts.port === undefined) continue;
      throw err;
    }
  }
}
