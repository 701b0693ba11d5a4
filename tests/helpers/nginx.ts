import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Path of Debian's nginx; CI installs it with apt. */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Where a test run puts the server: its port, the site folder, and a folder for pid and temp files. */
export interface NginxPlace {
  port: number;
  root: string;
  runDir: string;
}

/**
 * Returns deploy/nginx.conf adapted to a test run, and nothing more: the listen port (loopback
 * only), the root, and the pid and temp paths under /tmp. Throws if one of them is not found, so
 * the adaptation cannot silently stop applying when the shipped config changes.
 */
export function adaptNginxConfig(conf: string, place: NginxPlace): string {
  const substitutions: [RegExp, string][] = [
    [/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${place.port};`],
    [/^(\s*)root \/usr\/share\/nginx\/html;$/m, `$1root ${place.root};`],
    [/^pid \/tmp\/nginx\.pid;$/m, `pid ${place.runDir}/nginx.pid;`],
    [/^(\s*)(client_body|proxy|fastcgi|uwsgi|scgi)_temp_path \/tmp\/(\w+);$/gm, `$1$2_temp_path ${place.runDir}/$3;`],
  ];
  let adapted = conf;
  for (const [pattern, replacement] of substitutions) {
    if (!pattern.test(adapted)) throw new Error(`deploy/nginx.conf no longer has ${pattern}: update tests/helpers/nginx.ts`);
    pattern.lastIndex = 0;
    adapted = adapted.replace(pattern, replacement);
  }
  return adapted;
}

/** Returns a port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** One raw HTTP response: no redirect followed, no body decompressed. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends a GET and returns the response as the server sent it. */
export function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** A running nginx and the way to stop it. */
export interface NginxServer {
  url: string;
  stop: () => Promise<void>;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    // SIGTERM is nginx's fast shutdown: the master stops its workers and exits.
    child.kill('SIGTERM');
  });
}

/** Starts nginx in the foreground with `conf` (already adapted) written into `place.runDir`; stops it again if it does not answer. */
export async function startNginx(conf: string, place: NginxPlace): Promise<NginxServer> {
  const confFile = join(place.runDir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const child = spawn(NGINX, ['-p', place.runDir, '-c', confFile, '-e', 'stderr', '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${place.port}`;
  const started = await new Promise<boolean>((done) => {
    child.once('error', (error) => {
      stderr += String(error);
      done(false);
    });
    const deadline = Date.now() + 15_000;
    const poll = () => {
      if (child.exitCode !== null || Date.now() > deadline) return done(false);
      get(`${url}/`).then(
        () => done(true),
        () => setTimeout(poll, 100),
      );
    };
    poll();
  });
  if (!started) {
    await stopProcess(child);
    throw new Error(`nginx (${NGINX}) did not start on port ${place.port}:\n${stderr}`);
  }
  return { url, stop: () => stopProcess(child) };
}
