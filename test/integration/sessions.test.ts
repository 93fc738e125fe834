// Sessions, window tenures, login limits and revocation through the real server (issue 23, findings 4, 5, 6,
// 9 and 10): an old token never acts for a window's next clerk, sockets close when their session ends, a
// window left logged in can be freed, parallel guesses are counted before the hash, per address and per account.
import { postFrom } from '../helpers/post-from';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { FakeClock, PASSWORD, client, startTestHall, tempDir, testConfig } from '../helpers/hall';
import { sleep, until, useCleanup } from '../helpers/wait';

const cleanup = useCleanup();

async function hall(opts: Parameters<typeof startTestHall>[0] = {}) {
  const s = await startTestHall(opts);
  cleanup(() => s.stop());
  return { s, api: client(s.url) };
}

/** A socket that records every event it hears, and whether the server closed it. */
function watch(url: string, ns: string, token: string) {
  const sock: Socket = connect(`${url}${ns}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  cleanup(() => sock.disconnect());
  const heard: { event: string; payload: any }[] = [];
  const closed: string[] = [];
  sock.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  sock.on('disconnect', (reason) => closed.push(reason));
  const ready = new Promise<void>((resolve, reject) => {
    sock.once('state', () => resolve());
    sock.once('connect_error', reject);
  });
  return { sock, heard, closed, ready, events: (e: string) => heard.filter((h) => h.event === e) };
}

/** POST from a chosen loopback address (127.0.0.x), so one test can be several clients of the hall. */
describe('a session belongs to a window tenure (finding 4)', () => {
  it('after a logout and another clerk’s login, the first clerk’s other token cannot call or skip there', async () => {
    const { s, api } = await hall();
    await api.issue('general');
    await api.issue('general');
    const first = await api.login('c1', 1);
    const second = await api.login('c1', 1); // another tab: the same tenure
    expect((await api.post('/api/windows/1/call-next', {}, second)).status).toBe(200);
    expect((await api.post('/api/auth/logout', {}, first)).status).toBe(200);
    const next = await api.login('c4', 1); // window 1 changes hands
    const before = s.core.query.logCount();
    for (const action of ['call-next', 'skip', 'recall', 'pause']) {
      const r = await api.post(`/api/windows/1/${action}`, {}, second);
      expect(r.status, `${action} with the old token`).toBe(401);
      expect(r.body.error.code).toBe('UNAUTHORIZED');
    }
    expect((await api.get('/api/auth/me', second)).status).toBe(401);
    expect(s.core.query.logCount()).toBe(before);
    // The window is the new clerk's: the no-show is his own, and nothing was recorded under the old tokens.
    expect((await api.post('/api/windows/1/skip', {}, next)).body.ticket.number).toBe('A001');
    const noShow = s.db.prepare("SELECT actor FROM events WHERE type = 'ticket.no_show'").all();
    expect(noShow).toEqual([{ actor: 'clerk:c4' }]);
  });

  it('a clerk moving to another window ends his sessions at the old one', async () => {
    const { api } = await hall();
    const atOne = await api.login('c1', 1);
    const atTwo = await api.login('c1', 2);
    expect((await api.post('/api/windows/1/pause', {}, atOne)).status).toBe(401);
    expect((await api.post('/api/windows/2/pause', {}, atTwo)).status).toBe(200);
  });
});

describe('sockets close when their session ends (finding 6)', () => {
  it('a logged-out console hears nothing of the next clerk; a logged-out supervisor hears nothing more', async () => {
    const { s, api } = await hall();
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    const console1 = watch(s.url, '/window', c1);
    const dash = watch(s.url, '/supervisor', sup);
    await Promise.all([console1.ready, dash.ready]);

    expect((await api.post('/api/auth/logout', {}, c1)).status).toBe(200);
    expect((await api.post('/api/auth/logout', {}, sup)).status).toBe(200);
    await until(() => console1.closed.length && dash.closed.length, 'both sockets closed by the server');
    expect(console1.closed).toEqual(['io server disconnect']);
    expect(console1.events('session.ended')[0]?.payload).toMatchObject({ code: 'SESSION_ENDED', reason: 'logout' });
    expect(dash.events('session.ended')[0]?.payload.reason).toBe('logout');

    const heardBefore = [console1.heard.length, dash.heard.length];
    const c4 = await api.login('c4', 1);
    await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c4);
    await sleep(300);
    expect([console1.heard.length, dash.heard.length]).toEqual(heardBefore);
  });
});

describe('a window left logged in can be freed (finding 9)', () => {
  it('a supervisor signs the window out: the clerk’s token and socket end, another clerk may log in', async () => {
    const { s, api } = await hall();
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    const console1 = watch(s.url, '/window', c1);
    await console1.ready;
    // The clerk walked away without logging out: nobody else may log in, whatever the supervisor toggles.
    const taken = await api.post('/api/auth/login', { clerkId: 'c4', password: PASSWORD, windowNo: 1 });
    expect(taken.body.error.code).toBe('WINDOW_TAKEN');
    await api.post('/api/windows/1/open', { open: false }, sup);
    await api.post('/api/windows/1/open', { open: true }, sup);
    expect((await api.post('/api/auth/login', { clerkId: 'c4', password: PASSWORD, windowNo: 1 })).status).toBe(409);

    expect((await api.post('/api/windows/1/sign-out', {}, c1)).status).toBe(403); // not the clerk's to do
    const out = await api.post('/api/windows/1/sign-out', {}, sup);
    expect(out.status).toBe(200);
    expect(out.body.window).toMatchObject({ no: 1, clerk: null });
    await until(() => console1.closed.length, 'the console closed');
    expect(console1.events('session.ended')[0]?.payload.reason).toBe('signed_out');
    expect((await api.post('/api/windows/1/pause', {}, c1)).status).toBe(401);
    expect((await api.post('/api/auth/login', { clerkId: 'c4', password: PASSWORD, windowNo: 1 })).status).toBe(200);
    expect((await api.post('/api/windows/2/sign-out', {}, sup)).body.error.code).toBe('NOT_SIGNED_IN');
    expect((await api.post('/api/windows/99/sign-out', {}, sup)).body.error.code).toBe('UNKNOWN_WINDOW');
  });

  it('an expired session frees its window, by the sweep and after a restart', async () => {
    const clock = new FakeClock();
    const dataDir = tempDir();
    const config = testConfig(4);
    const first = await startTestHall({ clock: clock.fn, dataDir, config, sessionSweepMs: 50 });
    const api = client(first.url);
    const c1 = await api.login('c1', 1);
    const c2 = await api.login('c2', 2);
    const console1 = watch(first.url, '/window', c1);
    await console1.ready;
    clock.now += 17 * 3600_000; // past a working day
    await until(() => first.core.query.windowView(1).clerk === null, 'the sweep freeing window 1');
    await until(() => console1.closed.length, 'the expired session’s socket closed');
    expect(console1.events('session.ended')[0]?.payload.reason).toBe('expired');
    await first.stop();

    // Window 2's session expired while the server was down (the old code kept it taken forever).
    const again = await startTestHall({ clock: clock.fn, dataDir, config });
    cleanup(() => again.stop());
    const api2 = client(again.url);
    expect(again.core.query.windowView(2).clerk).toBeNull();
    expect((await api2.post('/api/windows/2/pause', {}, c2)).status).toBe(401);
    await api2.login('c3', 2);
    expect(again.core.query.windowView(2).clerk?.id).toBe('c3');
  });
});

describe('password changes and revocation end sessions (finding 10)', () => {
  it('a clerk whose password changed must log in again; the old one no longer works', async () => {
    const dataDir = tempDir();
    const first = await startTestHall({ dataDir });
    const api = client(first.url);
    const old = await api.login('c1', 1);
    await first.stop();

    const config = testConfig(4);
    config.clerks.find((c) => c.id === 'c1')!.passwordHash = hashPassword('a-new-password-1');
    const again = await startTestHall({ dataDir, config });
    cleanup(() => again.stop());
    const api2 = client(again.url);
    expect((await api2.get('/api/auth/me', old)).status).toBe(401);
    expect(again.core.query.windowView(1).clerk).toBeNull();
    const r = await api2.post('/api/auth/login', { clerkId: 'c1', password: 'a-new-password-1', windowNo: 1 });
    expect(r.status).toBe(200);
  });

  it('supervisors revoke a clerk’s sessions (admins anyone’s); a clerk logs out everywhere', async () => {
    const { s, api } = await hall();
    const c1 = await api.login('c1', 1);
    const c1Phone = await api.login('c1');
    const sup = await api.login('sup');
    const adm = await api.login('adm');
    const console1 = watch(s.url, '/window', c1);
    await console1.ready;

    expect((await api.post('/api/clerks/c1/revoke-sessions', {}, c1)).status).toBe(403);
    const r = await api.post('/api/clerks/c1/revoke-sessions', {}, sup);
    expect(r.body).toEqual({ ok: true, sessions: 2 });
    for (const t of [c1, c1Phone]) expect((await api.get('/api/auth/me', t)).status).toBe(401);
    expect(s.core.query.windowView(1).clerk).toBeNull();
    await until(() => console1.closed.length, 'the console closed');
    expect(console1.events('session.ended')[0]?.payload.reason).toBe('revoked');

    expect((await api.post('/api/clerks/adm/revoke-sessions', {}, sup)).body.error.code).toBe('FORBIDDEN');
    expect((await api.post('/api/clerks/nobody/revoke-sessions', {}, sup)).status).toBe(404);
    expect((await api.post('/api/clerks/sup/revoke-sessions', {}, adm)).body.sessions).toBe(1);
    expect((await api.get('/api/auth/me', sup)).status).toBe(401);

    const a = await api.login('c2', 2);
    const b = await api.login('c2');
    expect((await api.post('/api/auth/logout', { everywhere: true }, b)).body).toEqual({ ok: true, sessions: 2 });
    expect((await api.get('/api/auth/me', a)).status).toBe(401);
  });
});

describe('login limits (finding 5)', () => {
  const defaults = testConfig(4, { server: { port: 0, host: '127.0.0.1' } });

  it('60 parallel guesses from one address: only the burst is checked, the rest refused before any hash', async () => {
    const { s } = await hall({ config: defaults });
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postFrom(s.url, '127.0.0.2', '/api/auth/login', { clerkId: 'c1', password: `guess-${i}` }),
      ),
    );
    const checked = guesses.filter((g) => g.status === 401).length;
    expect(checked).toBe(10); // the configured burst
    expect(guesses.filter((g) => g.status === 429).length).toBe(50);
    // Another address, and a real clerk on it, are not held back.
    expect((await postFrom(s.url, '127.0.0.3', '/api/auth/login', { clerkId: 'c2', password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('per account: guesses spread over many addresses get a few free tries, then short growing delays', async () => {
    const clock = new FakeClock();
    const { s } = await hall({ config: defaults, clock: clock.fn });
    const guesses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postFrom(s.url, `127.0.0.${10 + (i % 6)}`, '/api/auth/login', { clerkId: 'c1', password: `guess-${i}` }),
      ),
    );
    expect(guesses.filter((g) => g.status === 401).length).toBe(10); // loginAccountFreeFailures
    const refused = guesses.find((g) => g.status === 429)!;
    expect(refused.body.error.code).toBe('TOO_MANY_REQUESTS');
    // The real clerk, from a fresh address, waits a short delay only (not locked out for long).
    const real = () => postFrom(s.url, '127.0.0.40', '/api/auth/login', { clerkId: 'c1', password: PASSWORD });
    const wait = await real();
    expect(wait.status).toBe(429);
    expect(wait.body.error.details.retryAfterSec).toBeLessThanOrEqual(30);
    clock.now += 1000;
    expect((await real()).status).toBe(200);
    // Each further failure doubles the delay, up to 30 s: the account is never shut for longer.
    for (let i = 0; i < 8; i++) {
      clock.now += 31_000;
      await postFrom(s.url, `127.0.0.${50 + i}`, '/api/auth/login', { clerkId: 'c3', password: 'wrong' });
    }
    clock.now += 31_000;
    expect((await postFrom(s.url, '127.0.0.70', '/api/auth/login', { clerkId: 'c3', password: PASSWORD })).status).toBe(
      200,
    );
  });
});
