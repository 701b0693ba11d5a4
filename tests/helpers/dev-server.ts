import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running `astro dev` and what it printed. */
export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
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

/** Starts `npm run dev`'s server on a free port for a content tree and resolves once it listens. */
export async function startDevServer(contentRoot: string, env: Record<string, string> = {}): Promise<DevServer> {
  const port = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'),
  );
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', HANDBOOK_CONTENT: contentRoot, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes
      const match = /Local\s+(http:\/\/\S+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) done(match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`astro dev exited with ${code}:\n${output}`)));
    child.once('error', fail);
  });
  return { url, output: () => output, stop: () => stopProcess(child) };
}
