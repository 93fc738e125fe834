// Upstream sender throughput against the reference receiver (SQLite) on loopback, compared in one run with
// the bare transport: the same signed batches POSTed straight from memory. The sender's extra work is the
// outbox (cutting batches, marking them sent in SQLite) and building the body.
//   npm run bench:upstream [-- --events 20000 --batch 200] [--write]   (--write updates docs/benchmarks.md)
// Both rates count only if every event arrived once: each bare POST answered ok with its batch accepted, every
// sender step a sent batch, the outbox empty and each receiver holding all the events. Else exit 1 naming it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/paths';
import { openDatabase } from '../server/store/db';
import { OutboxStore } from '../server/store/outbox';
import { sendNext, sign } from '../server/upstream/sender';
import { startReceiver } from './receiver/receiver';
import { SqliteReceiverStore } from './receiver/storage';
import { Checks, runMeasured } from './bench-check';

const SECRET = 'bench-secret-0123456789';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '20000' },
      batch: { type: 'string', default: '200' },
      write: { type: 'boolean' },
    },
  });
  const n = Number(values.events);
  const size = Number(values.batch);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(size) || size < 1)
    throw new Error(`bench-upstream: --events and --batch are counts: ${values.events}, ${values.batch}`);
  const batches = Math.ceil(n / size);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-upstream-'));
  const data = (i: number) => ({
    hallId: 'bench',
    day: '2026-11-23',
    number: `A${i}`,
    serviceId: 'general',
    time: '20261123T093000',
  });

  // Bare transport: pre-built signed batches, one POST after another, to a receiver of its own.
  const bare = await startReceiver({
    halls: [{ id: 'bench', secret: SECRET }],
    store: new SqliteReceiverStore(path.join(dir, 'bare.sqlite')),
  });
  const bodies: string[] = [];
  for (let first = 0; first < n; first += size) {
    const events = Array.from({ length: Math.min(size, n - first) }, (_, k) => ({
      id: `bench-${first + k + 1}`,
      type: 'ticket.issued',
      at: new Date().toISOString(),
      data: data(first + k),
    }));
    bodies.push(
      JSON.stringify({ hallId: 'bench', batchId: `bench-b${first + 1}`, sentAt: new Date().toISOString(), events }),
    );
  }
  let bareAccepted = 0;
  let t0 = performance.now();
  for (const body of bodies) {
    const batchId = (JSON.parse(body) as { batchId: string }).batchId;
    const res = await fetch(`${bare.url}/hall-events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hall-id': 'bench',
        'x-batch-id': batchId,
        'x-signature': sign(SECRET, body),
      },
      body,
    });
    const answer = (await res.json().catch(() => null)) as { ok?: boolean; accepted?: number } | null;
    if (!res.ok || !answer?.ok) throw new Error(`bare: batch ${batchId}: HTTP ${res.status} ${JSON.stringify(answer)}`);
    bareAccepted += answer.accepted ?? 0;
  }
  const bareRate = n / ((performance.now() - t0) / 1000);
  const bareGot = (await bare.store.summary('bench')).events;
  await bare.stop();

  // The sender: the same events in a hall's outbox, sent batch after batch until the outbox is empty.
  const recv = await startReceiver({
    halls: [{ id: 'bench', secret: SECRET }],
    store: new SqliteReceiverStore(path.join(dir, 'recv.sqlite')),
  });
  const db = openDatabase(path.join(dir, 'hall'));
  const box = new OutboxStore(db);
  db.transaction(() => {
    for (let i = 0; i < n; i++) box.add('ticket.issued', Date.now(), data(i));
  })();
  const cfg = {
    url: `${recv.url}/hall-events`,
    secret: SECRET,
    batchSize: size,
    batchesPerSec: 1e9,
    retry: { minMs: 10, maxMs: 100 },
    timeoutMs: 10_000,
    levelCode: 'provincial' as const,
    channelCodes: {},
  };
  let sentBatches = 0;
  let sentEvents = 0;
  t0 = performance.now();
  for (;;) {
    const out = await sendNext(box, cfg, 'bench', Date.now);
    if (out.kind === 'idle') break;
    if (out.kind !== 'sent') throw new Error(`sender: ${JSON.stringify(out)}`);
    sentBatches++;
    sentEvents += out.events;
  }
  const senderRate = n / ((performance.now() - t0) / 1000);
  const got = (await recv.store.summary('bench')).events;
  const left = box.backlog().count;
  await recv.stop();
  db.close();
  new Checks('bench-upstream')
    .count('bare: events accepted by the receiver', bareAccepted, n)
    .count('bare: events held by the receiver', bareGot, n)
    .count('sender: batches sent', sentBatches, batches)
    .count('sender: events sent', sentEvents, n)
    .count('sender: events held by the receiver', got, n)
    .count('sender: batches left in the outbox', left, 0)
    .assert();

  const text = [
    `### Run of ${new Date().toISOString().slice(0, 10)} (\`npm run bench:upstream -- --events ${n} --batch ${size}\`, Node ${process.version})`,
    '',
    `${n.toLocaleString('en')} events in ${batches} batches of ${size} to the reference receiver (SQLite) on loopback, one request at a time`,
    `(checked: each receiver holds all ${n.toLocaleString('en')}, every batch answered ok, the outbox empty after):`,
    '',
    '| path | events/s | ratio |',
    '| --- | ---: | ---: |',
    `| bare transport (pre-built signed batches) | ${bareRate.toFixed(0)} | 1.00× |`,
    `| hall sender (outbox → batch → sign → POST → mark sent) | ${senderRate.toFixed(0)} | ${(senderRate / bareRate).toFixed(2)}× |`,
    '',
    `All ${got.toLocaleString('en')} events arrived once. The configured rate limit (\`upstream.batchesPerSec\`, default 5) bounds`,
    `a real hall to ${5 * 200} events/s with the default batch size, far above a hall day's few thousand events.`,
  ].join('\n');
  console.log(text);
  if (values.write) {
    const file = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
    const old = readFileSync(file, 'utf8');
    const start = '<!-- bench-upstream -->';
    const end = '<!-- /bench-upstream -->';
    const block = `${start}\n${text}\n${end}`;
    const next = old.includes(start)
      ? old.replace(new RegExp(`${start}[\\s\\S]*${end}`), block)
      : `${old.trimEnd()}\n\n## Upstream sender throughput\n\n${block}\n`;
    writeFileSync(file, next);
    console.log(`updated ${file}`);
  }
}

runMeasured(main);
