// The reference receiver a city runs to collect its halls' upstream batches (DESIGN.md §6 Upstream):
// checks each hall's HMAC-SHA256 signature over the raw body, validates the batch, stores new events
// once (duplicates by event id are accepted and ignored), and shows a small summary page per hall.
import express from 'express';
import { timingSafeEqual, createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { ReceiverStore } from './storage';

export interface HallKey {
  id: string;
  name?: string;
  secret: string;
}

const batchSchema = z.strictObject({
  hallId: z.string().min(1).max(64),
  batchId: z.string().min(1).max(128),
  sentAt: z.string(),
  events: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(128),
        type: z.string().min(1).max(64),
        at: z.iso.datetime({ offset: true }),
        data: z.record(z.string(), z.unknown()),
      }),
    )
    .max(10_000),
});

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signatureOk(secret: string, raw: Buffer, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ReceiverOptions {
  halls: HallKey[];
  store: ReceiverStore;
  /** Drills and tests: answer 503 to every n-th request (a flaky platform). */
  failEvery?: number;
  log?: (msg: string) => void;
  /** Tests: runs after a batch is stored and before the answer (e.g. to kill the sender right then). */
  onStored?: (hallId: string, batchId: string) => void | Promise<void>;
}

export function receiverApp(o: ReceiverOptions): express.Express {
  const halls = new Map(o.halls.map((h) => [h.id, h]));
  const log = o.log ?? (() => {});
  let requests = 0;
  const app = express();
  app.disable('x-powered-by');
  const fail = (res: express.Response, status: number, code: string, message: string) =>
    void res.status(status).json({ error: { code, message } });

  app.post('/hall-events', express.raw({ type: '*/*', limit: '20mb' }), async (req, res) => {
    requests++;
    if (o.failEvery && requests % o.failEvery === 0) return fail(res, 503, 'UNAVAILABLE', 'try again later');
    const hallId = req.get('x-hall-id') ?? '';
    const hall = halls.get(hallId);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!hall) return fail(res, 401, 'UNKNOWN_HALL', `unknown hall "${hallId.slice(0, 64)}"`);
    if (!signatureOk(hall.secret, raw, req.get('x-signature'))) {
      log(`receiver: bad signature from ${hallId}`);
      return fail(res, 401, 'BAD_SIGNATURE', 'signature does not match this hall’s secret');
    }
    let batch: z.infer<typeof batchSchema>;
    try {
      batch = batchSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      return fail(res, 400, 'BAD_BATCH', 'not a valid batch');
    }
    if (batch.hallId !== hallId || req.get('x-batch-id') !== batch.batchId)
      return fail(res, 400, 'BAD_BATCH', 'headers and body disagree');
    try {
      const r = await o.store.store(hallId, batch.batchId, batch.events);
      await o.onStored?.(hallId, batch.batchId);
      res.json({ ok: true, ...r });
    } catch (e) {
      log(`receiver: store failed: ${(e as Error).message}`);
      fail(res, 503, 'STORE', 'storage unavailable');
    }
  });

  app.get('/', (_req, res) => {
    const rows = [...halls.values()].map(
      (h) => `<li><a href="/halls/${encodeURIComponent(h.id)}">${esc(h.name ?? h.id)}</a></li>`,
    );
    res
      .type('html')
      .send(
        `<!doctype html><meta charset="utf-8"><title>大厅数据接收</title><h1>大厅数据接收</h1><ul>${rows.join('')}</ul>`,
      );
  });

  app.get('/halls/:id', async (req, res) => {
    const hall = halls.get(req.params.id);
    if (!hall) return fail(res, 404, 'NOT_FOUND', 'no such hall');
    const s = await o.store.summary(hall.id);
    if (req.accepts(['html', 'json']) === 'json') return void res.json(s);
    const list = (m: Record<string, number>) =>
      Object.entries(m)
        .map(([k, n]) => `<tr><td>${esc(k)}</td><td>${n}</td></tr>`)
        .join('');
    res.type('html').send(`<!doctype html><meta charset="utf-8"><title>${esc(hall.name ?? hall.id)}</title>
<style>body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}td{border:1px solid #ccc;padding:3px 8px}</style>
<h1>${esc(hall.name ?? hall.id)}</h1>
<p>事件 ${s.events} 条 · 批次 ${s.batches} · 最近接收 ${esc(s.lastReceivedAt ?? '—')}</p>
<h2>按类型</h2><table>${list(s.byType)}</table><h2>好差评</h2><table>${list(s.levels)}</table>`);
  });
  return app;
}

export async function startReceiver(
  o: ReceiverOptions,
  port = 0,
  host = '127.0.0.1',
): Promise<{ url: string; server: Server; store: ReceiverStore; stop: () => Promise<void> }> {
  await o.store.init();
  const server = receiverApp(o).listen(port, host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    store: o.store,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await o.store.close();
    },
  };
}
