import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthcheckUrl, instructionsOf, readDockerfile, stagesOf } from '../helpers/dockerfile.ts';
import { findDirectives, parseNginxConfig, type NginxDirective } from '../helpers/nginx-conf.ts';

const dockerfile = readDockerfile();
const stages = stagesOf(dockerfile);
const [build, serve] = stages;
const nginx = parseNginxConfig(readFileSync('deploy/nginx.conf', 'utf8'));
const dockerignore = readFileSync('.dockerignore', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

/** The single directive `name` in the config, or a failed test naming it. */
function only(name: string): NginxDirective {
  const found = findDirectives(nginx, name);
  expect(found, `deploy/nginx.conf: ${name}`).toHaveLength(1);
  return found[0]!;
}

/** COPY instructions of the serving stage as [source, destination, --from stage]. */
function copies(): { source: string; destination: string; from: string | undefined }[] {
  return serve!.stage.getCOPYs().map((copy) => {
    const [source = '', destination = ''] = copy.getArguments().map((a) => a.getValue());
    return { source, destination, from: copy.getFromFlag()?.getValue() ?? undefined };
  });
}

const listenPort = Number(only('listen').args[0]);
const nginxConfPath = '/etc/nginx/nginx.conf';

describe('the Dockerfile', () => {
  it('builds on Node 24 and serves from a pinned unprivileged nginx image in a second stage', () => {
    expect(stages).toHaveLength(2);
    expect(build!.from.getImageName()).toBe('node');
    expect(build!.from.getImageTag()).toMatch(/^24(\.\d+)*-/);
    expect(build!.from.getBuildStage()).toBe('build');
    expect(serve!.from.getImageName()).toBe('nginxinc/nginx-unprivileged');
    // A full version, never a moving tag such as latest, stable or mainline.
    expect(serve!.from.getImageTag()).toMatch(/^\d+\.\d+\.\d+-alpine/);
  });

  it('runs the server as an unprivileged user and copies nothing writable to it', () => {
    const users = instructionsOf(serve!.stage, 'USER').map((u) => u.getArgumentsContent());
    expect(users.at(-1)).toBe('101');
    for (const copy of serve!.stage.getCOPYs()) expect(copy.getFlags().map((f) => f.getName())).not.toContain('chown');
    expect(findDirectives(nginx, 'user')).toEqual([]);
  });

  it('exposes and health-checks the port nginx listens on, at a path nginx serves', () => {
    expect(listenPort).toBe(8080);
    expect(instructionsOf(serve!.stage, 'EXPOSE').map((e) => e.getArgumentsContent())).toEqual([String(listenPort)]);
    const url = healthcheckUrl(dockerfile);
    expect(Number(url.port)).toBe(listenPort);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/');
    const check = dockerfile.getHEALTHCHECKs()[0]!;
    expect(check.getFlags().map((f) => f.getName())).toEqual(expect.arrayContaining(['interval', 'timeout']));
    expect(check.getSubcommand()?.getValue()).toBe('CMD');
  });

  it('installs deploy/nginx.conf as the main config and the generated CSP include beside it', () => {
    expect(copies()).toContainEqual({ source: 'deploy/nginx.conf', destination: nginxConfPath, from: undefined });
    const [include] = only('server')
      .children!.filter((d) => d.name === 'include')
      .map((d) => d.args[0]!);
    expect(include).toBe('csp-header.conf');
    // nginx resolves a relative include against the folder of its main config file.
    const includePath = posix.join(posix.dirname(nginxConfPath), include!);
    const workdir = instructionsOf(build!.stage, 'WORKDIR')[0]!.getArgumentsContent()!;
    expect(copies()).toContainEqual({ source: posix.join(workdir, 'deploy/csp-header.conf'), destination: includePath, from: 'build' });
    const buildRun = instructionsOf(build!.stage, 'RUN')
      .map((r) => r.getArgumentsContent() ?? '')
      .join('\n');
    expect(buildRun).toMatch(/npm run build\b[\s\S]*npm run nginx-csp -- dist deploy\/csp-header\.conf/);
  });

  it('copies patches/ into the build before npm ci, whose postinstall (patch-package) applies them', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.postinstall).toMatch(/^patch-package\b/);
    const steps = build!.stage.getInstructions().map((i) => `${i.getKeyword()} ${i.getArgumentsContent() ?? ''}`);
    const copyPatches = steps.findIndex((s) => /^COPY (\S+ )*patches\/? /.test(s));
    const install = steps.findIndex((s) => /^RUN npm ci\b/.test(s));
    expect(copyPatches).toBeGreaterThanOrEqual(0);
    expect(copyPatches).toBeLessThan(install);
    expect(dockerignore).not.toContain('patches');
  });

  it('copies the built site to the folder nginx serves', () => {
    expect(copies()).toContainEqual({
      source: `${instructionsOf(build!.stage, 'WORKDIR')[0]!.getArgumentsContent()}/dist`,
      destination: only('root').args[0],
      from: 'build',
    });
  });

  it('keeps the pid file and temp folders in /tmp, where the unprivileged user can write', () => {
    expect(only('pid').args[0]).toMatch(/^\/tmp\//);
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => only(`${kind}_temp_path`).args[0]);
    for (const path of temps) expect(path).toMatch(/^\/tmp\//);
  });

  it('sends the built files and sources to the build, never installed or generated ones', () => {
    for (const ignored of ['node_modules', 'dist', '.astro', 'test-results', 'deploy/csp-header.conf'])
      expect(dockerignore).toContain(ignored);
    // The lockfile, the content and .git (page dates) are needed inside the build.
    for (const needed of ['package-lock.json', 'content', 'src', '.git', 'deploy']) expect(dockerignore).not.toContain(needed);
  });
});

describe('deploy/nginx.conf', () => {
  it('sends every header from the server block, so no location drops them', () => {
    const server = only('server');
    const headers = server.children!.filter((d) => d.name === 'add_header').map((d) => d.args[0]);
    expect(headers).toEqual(['X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Permissions-Policy', 'Cache-Control']);
    expect(findDirectives(server.children!, 'location').flatMap((l) => findDirectives(l.children ?? [], 'add_header'))).toEqual([]);
    for (const header of findDirectives(nginx, 'add_header')) expect(header.args.at(-1)).toBe('always');
  });

  it('never lists folders and serves its own 404 page', () => {
    expect(only('autoindex').args).toEqual(['off']);
    expect(findDirectives(nginx, 'error_page').map((d) => d.args)).toEqual([
      ['404', '/404.html'],
      ['403', '=404', '/404.html'],
    ]);
  });
});
