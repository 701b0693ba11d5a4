import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running `astro dev` and what it printed. */
export interface DevServer {
  url: string;
  output: () => string;
  /** The server's process id. */
  pid: number;
  /** Whether the server's process has ended. */
  exited: () => boolean;
  stop: () => Promise<void>;
}

/** How to start the dev server. */
export interface DevServerOptions {
  /** Options for Node before Astro's script (`--cpu-prof` …). */
  nodeArgs?: string[];
  /** Resolve once the server says it listens (default), or at once: the caller then polls `url` itself. */
  waitForListen?: boolean;
  /** The port to listen on (default: a free one). Astro's data store counts the port as configuration: a restart on another port starts cold. */
  port?: number;
}

/** Returns a port that is free on the loopback interface now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    // The server runs in its own process group, so its helpers (esbuild) stop with it.
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** Starts `npm run dev`'s server on a free port for a content tree and resolves once it listens (or at once, see {@link DevServerOptions}). */
export async function startDevServer(
  contentRoot: string,
  env: Record<string, string> = {},
  options: DevServerOptions = {},
): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'),
  );
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), 'node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', HANDBOOK_CONTENT: contentRoot, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout!.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
  const result = (url: string): DevServer => ({
    url,
    pid: child.pid!,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: () => stopProcess(child),
  });
  if (options.waitForListen === false) return result(`http://127.0.0.1:${port}/`);
  const url = await new Promise<string>((done, fail) => {
    const onData = () => {
      // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes
      const match = /Local\s+(http:\/\/\S+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) done(match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`astro dev exited with ${code}:\n${output}`)));
    child.once('error', fail);
  });
  return result(url);
}
