// Clerks' photos over the API (issue 21): admin only; JPEG and PNG recognised by their first bytes, a size
// limit, a clear error otherwise; served to the screens by address; the configuration's history holds the
// address, not the picture; a restart keeps it; removal works; the window screen and the pad get it live.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PHOTO_MAX_BYTES } from '../../server/domain/photo';
import { KIOSK_TOKEN, PAD_TOKEN, client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';
import { recordEvents } from '../helpers/sockets';

const SCREEN_TOKEN = 'test-screen1-token-0000001';
const input = testConfigInput(4);
const config = testConfig(4, {
  devices: [...(input.devices ?? []), { id: 'screen-1', kind: 'windowScreen', window: 1, token: SCREEN_TOKEN }],
});
const dataDir = tempDir();
let s: HallServer;
let api: ReturnType<typeof client>;
let adm: string;
const sockets: Socket[] = [];

/** A real 1×1 PNG and the start of a JPEG (the server looks at the first bytes, not at the pixels). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const upload = (clerk: string, data: Buffer, token = adm) =>
  api.call('PUT', `/api/admin/clerks/${clerk}/photo`, { image: data.toString('base64') }, token);
const photoOf = async (clerk: string) =>
  ((await api.get('/api/admin/config', adm)).body.config.clerks as { id: string; photoUrl?: string }[]).find(
    (k) => k.id === clerk,
  )?.photoUrl;

beforeAll(async () => {
  s = await startTestHall({ config, dataDir });
  api = client(s.url);
  adm = await api.login('adm');
});
afterAll(async () => {
  for (const x of sockets) x.disconnect();
  await s?.stop();
});

describe('clerk photos', () => {
  it('only an admin may set or remove a photo', async () => {
    const who = { supervisor: await api.login('sup'), clerk: await api.login('c2'), kiosk: KIOSK_TOKEN };
    for (const [name, token] of Object.entries(who)) {
      expect((await upload('c1', PNG, token)).status, `${name} PUT`).toBe(403);
      expect((await api.call('DELETE', '/api/admin/clerks/c1/photo', undefined, token)).status, name).toBe(403);
    }
    expect((await api.call('PUT', '/api/admin/clerks/c1/photo', { image: PNG.toString('base64') })).status).toBe(401);
    expect(await photoOf('c1')).toBeUndefined();
  });

  it('refuses what is not a JPEG or PNG, a photo over the limit, and an unknown clerk, changing nothing', async () => {
    const before = (await api.get('/api/admin/config/history', adm)).body.current as number;
    const gif = await upload('c1', GIF);
    expect(gif.status).toBe(400);
    expect(gif.body.error.message).toBe('照片须为 JPEG 或 PNG 图片');
    // A PNG renamed .jpg is still a PNG; a text file renamed .png is not an image.
    expect((await upload('c1', Buffer.from('not really a picture'))).status).toBe(400);
    const big = Buffer.concat([JPEG, Buffer.alloc(PHOTO_MAX_BYTES, 1)]);
    const tooBig = await upload('c1', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/^照片过大（\d+ KB），最大 1024 KB/);
    expect((await upload('nobody', PNG)).status).toBe(404);
    expect((await api.get('/api/admin/config/history', adm)).body.current).toBe(before);
    expect(await photoOf('c1')).toBeUndefined();
  });

  it('a PNG becomes the clerk’s photo: served by its address, a new version holding only the address', async () => {
    const r = await upload('c1', PNG);
    expect(r.status).toBe(200);
    expect(r.body.photoUrl).toMatch(/^\/api\/photos\/[0-9a-f]{40}$/);
    expect(await photoOf('c1')).toBe(r.body.photoUrl);
    // The screens load it without a token; the bytes are the ones sent.
    const res = await fetch(s.url + r.body.photoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${s.url}/api/photos/${'0'.repeat(40)}`)).status).toBe(404);
    expect((await fetch(`${s.url}/api/photos/../admin`)).status).toBe(404);
    // The history says who and when, and the saved version is the address, not the picture.
    const hist = (await api.get('/api/admin/config/history', adm)).body;
    expect(hist.versions[0]).toMatchObject({ version: r.body.version, savedBy: 'clerk:adm', note: 'photo c1' });
    const row = s.db.prepare('SELECT config FROM config_versions WHERE version = ?').get(r.body.version) as {
      config: string;
    };
    expect(row.config).toContain(r.body.photoUrl);
    expect(row.config).not.toContain(PNG.toString('base64').slice(0, 40));
    // A JPEG replaces it.
    const j = await upload('c1', JPEG);
    expect(j.status).toBe(200);
    expect((await fetch(s.url + j.body.photoUrl)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('the window screen and the pad show the clerk with the photo, live', async () => {
    const url = await photoOf('c1');
    const screen = recordEvents(s.url, '/screen', { token: SCREEN_TOKEN }, ['state'], sockets);
    const pad = recordEvents(s.url, '/pad', { token: PAD_TOKEN }, ['state', 'prompt'], sockets);
    await api.login('c1', 1);
    const last = (x: any[]) => x.at(-1);
    await expect.poll(() => last(screen.state)?.clerk?.photoUrl).toBe(url);
    const padClerk = () => (last(pad.prompt) ?? last(pad.state)?.prompt ?? last(pad.state))?.clerk?.photoUrl;
    await expect.poll(padClerk).toBe(url);
    const png = await upload('c1', PNG);
    await expect.poll(() => last(screen.state)?.clerk?.photoUrl).toBe(png.body.photoUrl);
    await expect.poll(padClerk).toBe(png.body.photoUrl);
  });

  it('a restart keeps the photo; removing it shows the clerk without one', async () => {
    const url = await photoOf('c1');
    await s.stop();
    s = await startTestHall({ config, dataDir });
    api = client(s.url);
    adm = await api.login('adm');
    expect(await photoOf('c1')).toBe(url);
    expect((await fetch(s.url + url!)).status).toBe(200);
    const del = await api.call('DELETE', '/api/admin/clerks/c1/photo', undefined, adm);
    expect(del.status).toBe(200);
    expect(await photoOf('c1')).toBeUndefined();
    // Earlier versions still find their picture (a return to one shows it again).
    expect((await fetch(s.url + url!)).status).toBe(200);
    const db = new Database(path.join(dataDir, 'hall.sqlite'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n).toBe(2);
    db.close();
  });
});
