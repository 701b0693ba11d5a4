import type { Browser, Page } from 'playwright-core';

/** One line of the cold path: what happened, when (ms after Ctrl+K), and for how long. */
export interface ProfileLine {
  at: number;
  ms?: number | undefined;
  what: string;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

// Trace categories: network (devtools.timeline), WebAssembly compilation (v8.wasm), scripts and tasks (v8, toplevel).
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'v8', 'toplevel', 'blink.user_timing'];

/**
 * Records the cold path of one search in a fresh page: opens search with Ctrl+K, waits `pause` ms, types
 * `query`, and returns the requests, WebAssembly compilation, Pagefind worker messages and main-thread and
 * worker busy time on one clock, in ms after Ctrl+K, until the first result row is painted.
 */
export async function profileColdSearch(browser: Browser, url: string, pause: number, query: string): Promise<ProfileLine[]> {
  return profileSearch(browser, url, { pause, query });
}

/**
 * Records one search in a fresh page as {@link profileColdSearch} does; with `before` (a prefix of `query`),
 * the warm path instead: `before` is typed and searched first, and the clock starts with the first key of the rest.
 */
export async function profileSearch(
  browser: Browser,
  url: string,
  run: { pause: number; query: string; before?: string | undefined },
): Promise<ProfileLine[]> {
  const { pause, query, before } = run;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Every message to and from Pagefind's worker, timed on the page's clock.
    const log: [number, string][] = [];
    (window as unknown as { hbLog: typeof log }).hbLog = log;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        log.push([performance.now(), `worker created ${String(url).split('/').pop()}`]);
        const sent = new Map<string, string>();
        this.addEventListener('message', (event: MessageEvent<{ id: string; error?: string }>) => {
          log.push([
            performance.now(),
            `worker → ${sent.get(event.data.id) ?? event.data.id}${event.data.error ? ` error ${event.data.error}` : ''}`,
          ]);
        });
        const post = this.postMessage.bind(this) as (message: unknown) => void;
        this.postMessage = (message: { id: string; method: string; args: unknown[] }) => {
          const label = `${message.method}(${message.method === 'init' ? '' : JSON.stringify(message.args[0] ?? '').slice(0, 24)})`;
          sent.set(message.id, label);
          log.push([performance.now(), `→ worker ${label}`]);
          post(message);
        };
      }
    } as typeof Worker;
  });
  await page.goto(url, { waitUntil: 'load' });
  if (before !== undefined) {
    await page.keyboard.press('Control+k');
    await page.keyboard.type(before);
    await page.waitForFunction(
      (q) =>
        document.getElementById('hb-search-results')?.getAttribute('aria-busy') === 'false' &&
        document.getElementById('hb-search-results')?.dataset.query === q,
      before,
    );
    // The filter counts and the rest load after the first rows.
    await page.waitForTimeout(1000);
  }
  await browser.startTracing(page, { categories: CATEGORIES });
  const markAt = await page.evaluate(() => {
    const w = window as unknown as { hbOpen: number; hbKey: number; hbFirst: Promise<number> };
    document.addEventListener('keydown', () => (w.hbOpen ??= performance.now()), { capture: true });
    return performance.mark('hb-start').startTime;
  });
  if (before === undefined) await page.keyboard.press('Control+k');
  await page.waitForTimeout(pause);
  await page.evaluate((q) => {
    const w = window as unknown as { hbKey: number; hbFirst: Promise<number> };
    const list = document.getElementById('hb-search-results')!;
    w.hbFirst = new Promise((done) => {
      const observer = new MutationObserver(() => {
        if (list.dataset.query === q && list.querySelector('[role="option"]')) {
          observer.disconnect();
          requestAnimationFrame(() => done(performance.now()));
        }
      });
      observer.observe(list, { attributes: true, childList: true });
    });
    document.getElementById('hb-search-input')!.addEventListener('input', () => (w.hbKey = performance.now()));
  }, query);
  await page.keyboard.type(query.slice(before?.length ?? 0));
  const marks = await page.evaluate(async () => {
    const w = window as unknown as { hbOpen: number; hbKey: number; hbFirst: Promise<number>; hbLog: [number, string][] };
    const first = await w.hbFirst;
    return { open: w.hbOpen, key: w.hbKey, first, log: w.hbLog, origin: performance.timeOrigin };
  });
  await page.waitForTimeout(200);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await context.close();
  // Warm, the clock starts with the first key typed (the first keydown), not Ctrl+K.
  return summarise(trace.traceEvents, { ...marks, markAt }, before === undefined ? 'Ctrl+K' : 'first key typed');
}

function summarise(
  events: TraceEvent[],
  marks: { open: number; key: number; first: number; log: [number, string][]; markAt: number },
  startLabel: string,
): ProfileLine[] {
  // The trace's clock (µs) is tied to the page's by the `hb-start` mark, whose page time is known from the first key below.
  const start = events.find((e) => e.name === 'hb-start');
  if (!start) throw new Error('The trace has no hb-start mark.');
  const toMs = (ts: number) => (ts - start.ts) / 1000 + marks.markAt - marks.open;
  const lines: ProfileLine[] = [
    { at: 0, what: startLabel },
    { at: marks.key - marks.open, what: 'last keystroke' },
    { at: marks.first - marks.open, what: 'first row painted' },
    ...marks.log.map(([t, what]) => ({ at: t - marks.open, what })),
  ];
  const requests = new Map<string, { url: string; send: number; response?: number; finish?: number; bytes?: number }>();
  for (const e of events) {
    const data = e.args?.data ?? {};
    const id = data.requestId as string | undefined;
    if (e.name === 'ResourceSendRequest' && id) requests.set(id, { url: String(data.url), send: toMs(e.ts) });
    else if (e.name === 'ResourceReceiveResponse' && id && requests.has(id)) requests.get(id)!.response = toMs(e.ts);
    else if (e.name === 'ResourceFinish' && id && requests.has(id)) {
      requests.get(id)!.finish = toMs(e.ts);
      requests.get(id)!.bytes = Number(data.encodedDataLength ?? 0);
    }
  }
  for (const r of requests.values()) {
    if (r.send < -50) continue;
    const name = decodeURIComponent(new URL(r.url).pathname.split('/').slice(-2).join('/'));
    lines.push({
      at: r.send,
      ms: (r.finish ?? r.send) - r.send,
      what: `GET ${name} (${r.bytes ?? '?'} B, response at ${Math.round((r.response ?? 0) - r.send)} ms)`,
    });
  }
  // WebAssembly compilation and instantiation.
  for (const e of events) {
    if (e.ph === 'X' && /wasm/i.test(e.name) && (e.dur ?? 0) > 300)
      lines.push({ at: toMs(e.ts), ms: (e.dur ?? 0) / 1000, what: `${e.cat} ${e.name}` });
  }
  // Busy time per thread (top-level tasks of at least 2 ms), merged into runs, so the worker's and the page's work show.
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) >= 2000);
  for (const e of tasks) {
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (!/CrRendererMain|DedicatedWorker|ServiceWorker/.test(thread)) continue;
    const at = toMs(e.ts);
    if (at < -50) continue;
    const inner = events
      .filter(
        (x) =>
          x.pid === e.pid && x.tid === e.tid && x.ph === 'X' && x.ts >= e.ts && x.ts < e.ts + (e.dur ?? 0) && x !== e && (x.dur ?? 0) > 500,
      )
      .filter((x) =>
        /FunctionCall|EvaluateScript|v8.compile|v8.run|wasm|Parse|GC|Layout|Paint|UpdateLayoutTree|TimerFire|EventDispatch|v8.evaluateModule|FireAnimationFrame/i.test(
          x.name,
        ),
      )
      .slice(0, 4)
      .map(
        (x) =>
          `${x.name}${x.args?.data?.url ? ` ${String(x.args.data.url).split('/').pop()}` : ''}${x.args?.data?.functionName ? ` ${String(x.args.data.functionName)}` : ''} ${((x.dur ?? 0) / 1000).toFixed(1)}`,
      );
    lines.push({
      at,
      ms: (e.dur ?? 0) / 1000,
      what: `${thread.replace('CrRendererMain', 'main').replace('DedicatedWorker thread', 'worker')} busy: ${inner.join(', ')}`,
    });
  }
  return lines.sort((a, b) => a.at - b.at);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The milestones of the cold path of `query`, each the first line that matches, in the order they depend on each other.
const milestones = (query: string): [string, RegExp][] => [
  ['search code requested', /GET _astro\/search-/],
  ['pagefind.js requested', /GET pagefind\/pagefind\.js/],
  ['Pagefind worker created', /worker created/],
  ['index entry requested', /GET pagefind\/pagefind-entry/],
  ['WebAssembly requested', /GET pagefind\/wasm\./],
  ['WebAssembly instantiated', /wasm\.(Async|Sync)Instantiate/],
  ['index chunk requested', /GET index\//],
  ['last keystroke', /^last keystroke/],
  ['search for the whole query sent', new RegExp(`→ worker search\\(${escape(JSON.stringify(query).slice(0, 24))}\\)`)],
  ['its results back', new RegExp(`worker → search\\(${escape(JSON.stringify(query).slice(0, 24))}\\)`)],
  ['first fragment requested', /GET fragment\//],
  ['first row painted', /^first row painted/],
];

/** Prints profile lines as a table, after the milestones of the cold path. */
export function printProfile(lines: readonly ProfileLine[], query = 'kubernetes', start = 'Ctrl+K'): string {
  const at = (l: ProfileLine) => `${l.at.toFixed(0).padStart(6)} ms`;
  const reached = milestones(query).map(([name, pattern]) => {
    const line = lines.find((l) => l.at >= 0 && pattern.test(l.what));
    const end = line?.ms === undefined ? '' : ` (done at ${(line.at + line.ms).toFixed(0)} ms)`;
    return `${line ? at(line) : '     never'}  ${name}${end}`;
  });
  const detail = lines.map((l) => `${at(l)} ${l.ms === undefined ? '        ' : `+${l.ms.toFixed(1).padStart(6)} `} ${l.what}`);
  return [
    `Milestones, ms after ${start}:`,
    ...reached,
    '',
    'Every request, worker message, WebAssembly step and task over 2 ms:',
    ...detail,
  ].join('\n');
}

/** Runs the profile once for a built site served at `url`. */
export async function profileOnce(browser: Browser, url: string, pause: number): Promise<string> {
  return printProfile(await profileColdSearch(browser, url, pause, 'kubernetes'));
}

/** Runs the profile of the warm path once: `kubernetes` searched, then ` ingress` typed on at once. */
export async function profileWarmOnce(browser: Browser, url: string): Promise<string> {
  return printProfile(
    await profileSearch(browser, url, { pause: 0, query: 'kubernetes ingress', before: 'kubernetes' }),
    'kubernetes ingress',
    'first key typed',
  );
}

export type { Page };
