// npm run load:guess -- [--parallel 60] [--seconds 15] [--write]
// The load run's password-guessing phase (issue 23, finding 5): the demo hall as a child process (the built
// server, dist/), a guesser on other loopback addresses (127.0.0.2, .3, …) sending waves of parallel wrong
// passwords for clerk 1001, while a real clerk (1002, from 127.0.0.1) logs in and out and window 1 calls next.
// In one run it measures the real clerk's login and the call-next latency quietly and during the burst (the
// ratio is the figure), how many guesses were checked against a password, and the server's RSS from /metrics.
// `--write` records the figures in docs/benchmarks.md.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { DEMO_CONFIG, PROJECT_ROOT } from '../server/paths';
import { freePort, startHallProcess } from './hall-process';
import { percentileOf } from './demo/summary';

const { values } = parseArgs({
  options: {
    parallel: { type: 'string', default: '60' },
    addresses: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '15' },
    write: { type: 'boolean', default: false },
  },
});
const parallel = Number(values.parallel);
const addresses = Number(values.addresses);
const seconds = Number(values.seconds);
const PASSWORD = 'demo1234'; // the demo hall's clerks
const KIOSK = 'demo-kiosk-1-token-000001';

interface Answer {
  status: number;
  body: any;
  ms: number;
}

/** One JSON request from a chosen local address, timed from send to the end of the answer. */
function call(url: string, method: string, p: string, body: unknown, token?: string, from = '127.0.0.1') {
  const u = new URL(url);
  const data = body === undefined ? '' : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: p,
        method,
        localAddress: from,
        agent: false,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: json, ms: performance.now() - t0 });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const port = await freePort();
  const mport = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-guess-'));
  const url = `http://127.0.0.1:${port}`;
  // The demo hall open all day; login limits as shipped, ticket limits lifted to queue enough visitors.
  const demo = parse(readFileSync(DEMO_CONFIG, 'utf8')) as Record<string, any>;
  demo.hall = { ...demo.hall, open: '00:00', close: '23:59', autoClose: false };
  demo.server = { ...demo.server, rateLimits: { ticketsPerMin: 100_000, ticketsBurst: 100_000 } };
  writeFileSync(path.join(dir, 'hall.yaml'), stringify(demo));
  const child = await startHallProcess({
    config: path.join(dir, 'hall.yaml'),
    data: dir,
    port,
    extraArgs: ['--port', String(port), '--mqtt-port', String(mport)],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    const rss = async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1]) / 2 ** 20;
    };
    const login = await call(url, 'POST', '/api/auth/login', { clerkId: '1003', password: PASSWORD, windowNo: 1 });
    const w1 = login.body.token as string;
    for (let i = 0; i < 1500; i++) await call(url, 'POST', '/api/tickets', { serviceId: 'general' }, KIOSK);
    const rssQuiet = await rss();

    /** The real clerk's login (and logout) and window 1's call-next, in turn, until `until`. */
    const measure = async (until: number) => {
      const logins: number[] = [];
      const calls: number[] = [];
      const loginRefusals: number[] = [];
      while (performance.now() < until) {
        const r = await call(url, 'POST', '/api/auth/login', { clerkId: '1002', password: PASSWORD });
        if (r.status === 200) {
          logins.push(r.ms);
          await call(url, 'POST', '/api/auth/logout', {}, r.body.token);
        } else loginRefusals.push(r.status);
        for (let i = 0; i < 5; i++) {
          const c = await call(url, 'POST', '/api/windows/1/call-next', {}, w1);
          if (c.status === 200) calls.push(c.ms);
          await sleep(20); // a window calls every so often, not in a tight loop
        }
      }
      return { logins, calls, loginRefusals };
    };

    const quiet = await measure(performance.now() + seconds * 1000);

    // The burst: from each address, waves of `parallel` guesses, a new wave once the last one is answered
    // (and at most one a second), for as long as the measurement runs.
    let running = true;
    const guesses = { checked: 0, refused: 0, other: 0 };
    let peakRss = rssQuiet;
    const guesser = async (from: string) => {
      let n = 0;
      while (running) {
        const started = performance.now();
        const wave = await Promise.all(
          Array.from({ length: parallel }, () =>
            call(url, 'POST', '/api/auth/login', { clerkId: '1001', password: `guess-${n++}` }, undefined, from),
          ),
        );
        for (const g of wave) {
          if (g.status === 401) guesses.checked++;
          else if (g.status === 429) guesses.refused++;
          else guesses.other++;
        }
        await sleep(Math.max(0, 1000 - (performance.now() - started)));
      }
    };
    const sampler = setInterval(() => void rss().then((m) => (peakRss = Math.max(peakRss, m))), 500);
    const attack = Array.from({ length: addresses }, (_, i) => guesser(`127.0.0.${2 + i}`));
    await sleep(200); // the first wave is in
    const burst = await measure(performance.now() + seconds * 1000);
    running = false;
    await Promise.all(attack);
    clearInterval(sampler);
    const rssAfter = await rss();

    const f = (xs: number[], p: number) => (xs.length ? percentileOf(xs, p).toFixed(1) : '—');
    const row = (what: string, xs: number[], base: number[]) =>
      `| ${what} | ${xs.length} | ${f(xs, 0.5)} | ${f(xs, 0.95)} | ${f(xs, 1)} | ${
        xs.length && base.length ? (percentileOf(xs, 0.5) / percentileOf(base, 0.5)).toFixed(1) + '×' : '—'
      } |`;
    const table = [
      '| measured | samples | p50 (ms) | p95 (ms) | max (ms) | p50 vs quiet |',
      '| -------- | ------: | -------: | -------: | -------: | -----------: |',
      row('real clerk login, quiet', quiet.logins, quiet.logins),
      row('real clerk login, during the burst', burst.logins, quiet.logins),
      row('call-next, quiet', quiet.calls, quiet.calls),
      row('call-next, during the burst', burst.calls, quiet.calls),
    ];
    const total = guesses.checked + guesses.refused + guesses.other;
    const lines = [
      `guesses: ${total} sent from ${addresses} address(es) in waves of ${parallel} over ${seconds} s; ` +
        `${guesses.checked} checked against the password (401), ${guesses.refused} refused before any hash (429)` +
        (guesses.other ? `, ${guesses.other} other` : ''),
      `real clerk logins refused during the burst: ${burst.loginRefusals.length}`,
      `server RSS: ${rssQuiet.toFixed(0)} MB before the burst, peak ${peakRss.toFixed(0)} MB, ${rssAfter.toFixed(0)} MB after`,
    ];
    console.log([...table, '', ...lines].join('\n'));
    if (values.write) {
      const doc = path.join(PROJECT_ROOT, 'docs/benchmarks.md');
      const mark = '<!-- load-guess -->';
      const body = `${mark}\n\n#### Run of ${new Date().toISOString().slice(0, 10)} (\`npm run load:guess -- --parallel ${parallel} --addresses ${addresses} --seconds ${seconds} --write\`, Node ${process.version})\n\n${table.join('\n')}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\n${mark.replace('<!--', '<!-- /')}`;
      const text = readFileSync(doc, 'utf8');
      const i = text.indexOf(mark);
      const end = text.indexOf(mark.replace('<!--', '<!-- /'));
      writeFileSync(
        doc,
        i < 0
          ? `${text.trimEnd()}\n\n${body}\n`
          : text.slice(0, i) + body + text.slice(end + mark.replace('<!--', '<!-- /').length),
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
