// Live settings over the API (DESIGN.md §6 "Admin"): roles, validation with the path, stale versions,
// removals that would lose tickets, secrets never sent, history and restore, and the change applied live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { BOARD_TOKEN, KIOSK_TOKEN, client, startTestHall, PASSWORD } from '../helpers/hall';

let s: HallServer;
let api: ReturnType<typeof client>;
let adm: string;
let c9: string;

const ADMIN_ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/config'],
  ['PUT', '/api/admin/config', { version: 1, config: {} }],
  ['GET', '/api/admin/config/history'],
  ['POST', '/api/admin/config/restore', { version: 1 }],
  ['GET', '/api/admin/config.yaml'],
];

beforeAll(async () => {
  s = await startTestHall();
  api = client(s.url);
  adm = await api.login('adm');
});
afterAll(async () => s.stop());

const put = (version: number, config: unknown) => api.call('PUT', '/api/admin/config', { version, config }, adm);
const current = async () => (await api.get('/api/admin/config', adm)).body as { version: number; config: any };
const fileAndHall = () =>
  JSON.stringify({
    versions: s.db.prepare('SELECT version FROM config_versions').all(),
    services: s.core.query.serviceViews().map((x) => x.id),
  });

describe('admin settings API', () => {
  it('refuses supervisors, clerks and devices on every admin route, and callers without a token', async () => {
    const who = { supervisor: await api.login('sup'), clerk: await api.login('c1', 1), kiosk: KIOSK_TOKEN };
    for (const [method, p, body] of ADMIN_ROUTES) {
      for (const [name, token] of Object.entries(who)) {
        const r = await api.call(method, p, body, token);
        expect([name, p, r.status, r.body.error?.code]).toEqual([name, p, 403, 'FORBIDDEN']);
      }
      expect((await api.call(method, p, body)).status).toBe(401);
    }
  });

  it('sends no secret: no device token, no password hash, no upstream secret', async () => {
    const { version, config } = await current();
    expect(version).toBe(1);
    const text = JSON.stringify(config);
    expect(text).not.toContain(KIOSK_TOKEN);
    expect(text).not.toContain('scrypt:');
    expect(config.devices.every((d: any) => !('token' in d))).toBe(true);
    const yaml = await api.get('/api/admin/config.yaml', adm);
    expect(yaml.status).toBe(200);
    expect(String(yaml.body)).toContain('services:');
    expect(String(yaml.body)).not.toContain('scrypt:');
  });

  it('a bad change is 400 with the path and the reason, and changes nothing', async () => {
    const { version, config } = await current();
    const before = fileAndHall();
    config.windows[0].skills = { nosuch: 1 };
    const r = await put(version, config);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.details.issues).toContainEqual({
      path: 'windows[0].skills.nosuch',
      message: '未知的事项 "nosuch"',
    });
    const r2 = await put(version, { ...config, windows: [], services: config.services });
    expect(r2.status).toBe(400);
    expect(r2.body.error.details.issues[0].path).toBe('windows');
    expect(fileAndHall()).toBe(before);
  });

  it('saves a change live: a new service, a window, a clerk, a board (its token shown once)', async () => {
    const { version, config } = await current();
    config.services.push({ id: 'housing', name: '公积金', prefix: 'H', targetWaitMin: 15, dailyCap: 100 });
    config.windows.push({ no: 9, name: '窗口9', kind: 'domain', zone: 'A', skills: { housing: 1 } });
    config.clerks.push({ id: 'c9', name: '新办事员', role: 'clerk', password: 'new-pass-99' });
    config.devices.push({ id: 'board-new', kind: 'board', zone: 'A' });
    const r = await put(version, config);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(version + 1);
    expect(r.body.applied).toEqual(expect.arrayContaining(['services', 'windows', 'clerks', 'devices']));
    expect(r.body.needsRestart).toEqual([]);
    const boardToken = r.body.newTokens['board-new'];
    expect(boardToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Object.keys(r.body.newTokens)).toEqual(['board-new']); // the others keep theirs
    // at once: the kiosk's token still works and issues the new service; the new clerk calls it
    const t = await api.issue('housing');
    expect(t.number).toBe('H001');
    const login = await api.call('POST', '/api/auth/login', { clerkId: 'c9', password: 'new-pass-99', windowNo: 9 });
    expect(login.status).toBe(200);
    c9 = login.body.token;
    const called = await api.post('/api/windows/9/call-next', {}, c9);
    expect(called.body.ticket.number).toBe('H001');
    expect((await api.get('/api/hall', boardToken)).status).toBe(200);
    expect((await api.get('/api/hall', BOARD_TOKEN)).status).toBe(200);
    // who and when
    const h = (await api.get('/api/admin/config/history', adm)).body;
    expect(h.current).toBe(version + 1);
    expect(h.versions[0]).toMatchObject({ version: version + 1, savedBy: 'clerk:adm', source: 'admin' });
  });

  it('a stale version gets 409 and does not overwrite the other save', async () => {
    const { version, config } = await current();
    const a = structuredClone(config);
    a.hall.name = '甲的名称';
    const b = structuredClone(config);
    b.hall.name = '乙的名称';
    expect((await put(version, a)).status).toBe(200);
    const second = await put(version, b);
    expect([second.status, second.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await current()).config.hall.name).toBe('甲的名称');
  });

  it('removing a service with waiting tickets is refused; without them it goes', async () => {
    const { version, config } = await current();
    const t = await api.issue('social');
    const without = { ...config, services: config.services.filter((x: any) => x.id !== 'social') };
    for (const w of without.windows) delete w.skills.social;
    const r = await put(version, without);
    expect([r.status, r.body.error.code]).toEqual([409, 'CONFIG_LOSES_TICKETS']);
    expect(r.body.error.message).toContain('social');
    expect(s.core.query.ticketStatus(t.id)!.status).toBe('waiting');
    const sup = await api.login('sup');
    expect((await api.post(`/api/tickets/${t.id}/cancel`, {}, sup)).status).toBe(200);
    expect((await put(version, without)).status).toBe(200);
    expect(s.core.query.serviceViews().map((x) => x.id)).not.toContain('social');
  });

  it('revoking a device token and returning to an earlier version', async () => {
    const { version, config } = await current();
    const r = await put(version, { ...config, devices: config.devices.filter((d: any) => d.id !== 'board-a') });
    expect(r.status).toBe(200);
    expect((await api.get('/api/hall', BOARD_TOKEN)).status).toBe(401);
    // Version 1 has no window 9 and no 公积金: refused while the clerk there still has its ticket.
    const refused = await api.post('/api/admin/config/restore', { version: 1 }, adm);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CONFIG_LOSES_TICKETS']);
    expect((await api.post('/api/windows/9/finish', {}, c9)).status).toBe(200);
    expect((await api.post('/api/auth/logout', {}, c9)).status).toBe(200);
    const back = await api.post('/api/admin/config/restore', { version: 1 }, adm);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(s.core.query.serviceViews().map((x) => x.id)).toEqual(['general', 'tax', 'social']);
    // the revoked token stays revoked: the board comes back with a new one
    expect((await api.get('/api/hall', BOARD_TOKEN)).status).toBe(401);
    expect((await api.get('/api/hall', back.body.newTokens['board-a'])).status).toBe(200);
    const h = (await api.get('/api/admin/config/history', adm)).body;
    expect(h.versions[0]).toMatchObject({ source: 'restore', note: 'v1' });
  });

  it('a password reset ends the clerk’s sessions; a disabled clerk cannot log in', async () => {
    const tok = await api.login('c2', 2);
    const { version, config } = await current();
    config.clerks.find((k: any) => k.id === 'c2').password = 'reset-pass-2';
    config.clerks.find((k: any) => k.id === 'c3').disabled = true;
    expect((await put(version, config)).status).toBe(200);
    expect((await api.get('/api/hall', tok)).status).toBe(401);
    const old = await api.call('POST', '/api/auth/login', { clerkId: 'c2', password: PASSWORD });
    expect(old.status).toBe(401);
    expect((await api.call('POST', '/api/auth/login', { clerkId: 'c2', password: 'reset-pass-2' })).status).toBe(200);
    const off = await api.call('POST', '/api/auth/login', { clerkId: 'c3', password: PASSWORD });
    expect(off.status).toBe(403);
  });

  it('the last admin cannot be disabled or removed', async () => {
    const { version, config } = await current();
    config.clerks.find((k: any) => k.id === 'adm').disabled = true;
    const r = await put(version, config);
    expect([r.status, r.body.error.details.issues[0].path]).toEqual([400, 'clerks']);
  });

  it('a change that only a restart can take is saved and says so', async () => {
    const { version, config } = await current();
    config.server.port = 18999;
    const r = await put(version, config);
    expect(r.status).toBe(200);
    expect(r.body.needsRestart).toContain('server.port');
  });

  it('a new upstream address restarts the upstream adapter, not the server', async () => {
    const { version, config } = await current();
    config.upstream = { url: 'http://127.0.0.1:9/hall', secret: 'a-secret-of-sixteen-chars' };
    const r = await put(version, config);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.applied).toContain('upstream');
    expect(r.body.needsRestart).not.toContain('upstream');
    expect(s.adapters.status().find((a) => a.name === 'upstream')!.state).toBe('running');
    expect(JSON.stringify((await current()).config)).not.toContain('a-secret-of-sixteen-chars');
  });

  it('settings that run commands on the server are not the browser’s to change', async () => {
    const { version, config } = await current();
    config.voice.output = { command: '/bin/sh', args: ['-c', 'id'] };
    const r = await put(version, config);
    expect(r.status).toBe(400);
    expect(r.body.error.details.issues[0].path).toBe('voice.output');
  });
});
