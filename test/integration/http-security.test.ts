// Table-driven over every route: a missing or wrong token, a wrong role and a malformed body each get
// the right 4xx with `{ error: { code, message } }`, and the hall's state is unchanged afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import type { RouteDef } from '../../server/http/routes';
import { BOARD_TOKEN, KEYPAD_TOKEN, KIOSK_TOKEN, PAD_TOKEN, LED_TOKEN, client, startTestHall } from '../helpers/hall';

let s: HallServer;
let api: ReturnType<typeof client>;
let tokens: { clerk1: string; clerk2: string; sup: string; adm: string };
let ticketId: string;

beforeAll(async () => {
  s = await startTestHall();
  api = client(s.url);
  tokens = {
    clerk1: await api.login('c1', 1),
    clerk2: await api.login('c2', 2),
    sup: await api.login('sup'),
    adm: await api.login('adm'),
  };
  ticketId = (await api.issue('general')).id;
  await api.issue('tax');
});
afterAll(async () => s.stop());

function state(): string {
  const q = (sql: string) => s.db.prepare(sql).all();
  return JSON.stringify({
    tickets: q('SELECT * FROM tickets ORDER BY id'),
    windows: q('SELECT * FROM window_state ORDER BY no'),
    counters: q('SELECT * FROM counters ORDER BY prefix'),
    sessions: q('SELECT token_digest, clerk_id, window_no FROM sessions ORDER BY token_digest'),
    events: q('SELECT COUNT(*) AS n FROM events'),
    appointments: q('SELECT * FROM appointments'),
    alerts: q('SELECT id, kind, subject, acked_at, acked_by FROM alerts ORDER BY id'),
  });
}

const pathOf = (r: RouteDef) => r.path.replace(':no', '1').replace(':id', ticketId);

/** A token that is valid but of the wrong kind or role for the route, or null if every token may call it. */
function wrongRole(r: RouteDef): { token: string; who: string } | null {
  switch (r.access) {
    case 'public':
    case 'any':
      return null;
    case 'staff':
      return { token: KIOSK_TOKEN, who: 'a kiosk device' };
    case 'supervisor':
      return { token: tokens.clerk1, who: 'a clerk' };
    case 'admin':
      return { token: tokens.sup, who: 'a supervisor' };

    case 'guide':
      return { token: tokens.clerk1, who: 'a clerk' };
    case 'issuer':
      return { token: BOARD_TOKEN, who: 'a board device' };
    case 'window':
      return { token: tokens.clerk2, who: 'the clerk of another window' };
    case 'booking':
      return { token: KIOSK_TOKEN, who: 'a kiosk device' };
    case 'pad':
      return { token: tokens.clerk1, who: 'a clerk' };
  }
}

async function expectRefused(r: RouteDef, status: number, code: string, token?: string, body?: unknown) {
  const before = state();
  const res = await api.call(r.method.toUpperCase(), pathOf(r), r.method !== 'get' ? (body ?? {}) : undefined, token);
  expect(res.status, `${r.method} ${r.path} → ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(0);
  expect(state()).toBe(before);
}

describe('every route refuses what it must', () => {
  it('the table covers every window operation and the other routes of DESIGN.md §6', () => {
    const paths = s.routes.map((r) => `${r.method} ${r.path}`);
    for (const a of ['call-next', 'recall', 'skip', 'finish', 'hold', 'pause', 'resume', 'transfer', 'call']) {
      expect(paths).toContain(`post /api/windows/:no/${a}`);
    }
    for (const p of [
      'post /api/auth/login',
      'post /api/tickets',
      'get /api/tickets/:id',
      'get /api/hall',
      'get /api/health',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('missing token', async () => {
    for (const r of s.routes.filter((x) => x.access !== 'public')) await expectRefused(r, 401, 'UNAUTHORIZED');
  });

  it('wrong token', async () => {
    for (const r of s.routes.filter((x) => x.access !== 'public'))
      await expectRefused(r, 401, 'UNAUTHORIZED', 'not-a-real-token-123456');
  });

  it('wrong role or device', async () => {
    for (const r of s.routes) {
      const w = wrongRole(r);
      if (w) await expectRefused(r, 403, 'FORBIDDEN', w.token);
    }
    // an LED device may not issue tickets or act on windows
    await expectRefused(
      s.routes.find((r) => r.path === '/api/tickets')!,
      403,
      'FORBIDDEN',
      LED_TOKEN,
    );
    await expectRefused(
      s.routes.find((r) => r.path.endsWith('/call-next'))!,
      403,
      'FORBIDDEN',
      LED_TOKEN,
    );
  });

  it('a keypad has the same rights over HTTP as over MQTT: its keys at its window, nothing more', async () => {
    // Over MQTT a keypad sends next, recall, skip, finish, hold, pause and resume (server/mqtt/keypads.ts).
    const mqttActions = ['call-next', 'recall', 'skip', 'finish', 'hold', 'pause', 'resume'];
    for (const r of s.routes.filter((x) => x.access === 'window')) {
      const action = r.path.split('/').at(-1)!;
      if (mqttActions.includes(action) && r.method === 'post') continue;
      await expectRefused(r, 403, 'FORBIDDEN', KEYPAD_TOKEN);
    }
    // Its own keys still work over HTTP (the refusal above is about the action, not the token).
    const before = state();
    const paused = await api.post('/api/windows/1/pause', { reason: '暂停' }, KEYPAD_TOKEN);
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect((await api.post('/api/windows/1/resume', {}, KEYPAD_TOKEN)).status).toBe(200);
    expect(state()).not.toBe(before);
    // and never at another window
    const other = await api.post('/api/windows/2/call-next', {}, KEYPAD_TOKEN);
    expect([other.status, other.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('malformed bodies', async () => {
    const bad: unknown[] = [
      { bogus: 1 },
      [],
      'null',
      '{"unterminated',
      { serviceId: 42, windowNo: 'x', number: {}, clerkId: [] },
    ];
    for (const r of s.routes.filter((x) => x.body)) {
      const token =
        r.access === 'public'
          ? undefined
          : r.access === 'pad'
            ? PAD_TOKEN
            : r.access === 'admin'
              ? tokens.adm
              : tokens.sup;
      for (const b of bad) await expectRefused(r, 400, 'VALIDATION', token, b);
    }
  });

  it('bad path parameters and unknown routes', async () => {
    const before = state();
    expect((await api.post('/api/windows/abc/call-next', {}, tokens.sup)).status).toBe(400);
    expect((await api.post('/api/windows/999/call-next', {}, tokens.sup)).body.error.code).toBe('UNKNOWN_WINDOW');
    expect((await api.get('/api/tickets/nope')).status).toBe(404);
    expect((await api.get('/api/no-such-thing')).body.error.code).toBe('NOT_FOUND');
    expect((await api.post('/api/tickets', 'x'.repeat(300_000), KIOSK_TOKEN)).status).toBe(413);
    expect(state()).toBe(before);
  });

  it('the right caller still succeeds (the refusals above are not a dead API)', async () => {
    expect((await api.post('/api/windows/1/call-next', {}, tokens.clerk1)).status).toBe(200);
    expect((await api.get('/api/hall', KIOSK_TOKEN)).status).toBe(200);
    expect((await api.get('/api/health')).body.ok).toBe(true);
  });

  it('serves an OpenAPI document listing every route', async () => {
    const doc = (await api.get('/api/openapi.json')).body;
    for (const r of s.routes) {
      expect(doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method], r.path).toBeDefined();
    }
    expect((await api.get('/api/docs')).body).toContain('/api/windows/{no}/call-next');
  });
});
