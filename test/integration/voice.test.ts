// Server-made voice against a real server: every call carries its audio, the audio answers as a WAV
// with the signed address or a token, boards report their sound and a mute board raises an alert, and
// voice.output plays the announcements in call order through a (fake) player command.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { HallServer } from '../../server/app';
import { decodeWav, rms } from '../../server/voice/wav';
import { BOARD_TOKEN, FakeClock, client, startTestHall, tempDir, testConfig } from '../helpers/hall';
import { recordEvents } from '../helpers/sockets';
import { sleep, until } from '../helpers/wait';

let s: HallServer;
let api: ReturnType<typeof client>;
const sockets: Socket[] = [];
const clock = new FakeClock();
const playLog = path.join(tempDir(), 'played.log');
// A stand-in for aplay: notes the hash of each file it is given, taking a little time like a real player.
const fakePlayer = {
  command: process.execPath,
  args: [
    '-e',
    `const f=require('fs');const h=require('crypto').createHash('sha256').update(f.readFileSync(process.argv[1])).digest('hex');f.appendFileSync(${JSON.stringify(playLog)},h+'\\n');setTimeout(()=>{},30)`,
    '{file}',
  ],
  repeat: 2,
};

beforeAll(async () => {
  s = await startTestHall({
    clock: clock.fn,
    watchMs: 100,
    config: testConfig(4, { voice: { output: fakePlayer } as any, alerts: { boardMuteSec: 60 } as any }),
  });
  api = client(s.url);
});
afterAll(async () => {
  sockets.forEach((x) => x.disconnect());
  await s.stop();
});

const played = () => (existsSync(playLog) ? readFileSync(playLog, 'utf8').trim().split('\n') : []);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function fetchAudio(url: string, token?: string) {
  const res = await fetch(s.url + url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('server-made voice', () => {
  let calls: any[] = [];

  it('every call carries its audio; the signed address answers a 16-bit PCM WAV that is not silence', async () => {
    const got = recordEvents(s.url, '/board', { token: BOARD_TOKEN }, ['state', 'call'], sockets);
    await until(() => got.state!.length === 1, 'the expected state');
    const t1 = await api.login('c1', 1);
    const t2 = await api.login('c2', 2);
    for (let i = 0; i < 4; i++) await api.issue(i % 2 ? 'tax' : 'general');
    for (let i = 0; i < 4; i++) {
      clock.now += 5000;
      await api.post(`/api/windows/${i % 2 ? 2 : 1}/call-next`, {}, i % 2 ? t2 : t1);
    }
    await until(() => got.call!.length === 4, 'the expected state');
    calls = got.call!;
    for (const c of calls) {
      expect(c.audio.url).toMatch(/^\/api\/voice\/[0-9a-f]{32}\.wav\?exp=\d+&sig=/);
      expect(c.audio.durationMs).toBeGreaterThan(2000);
      const r = await fetchAudio(c.audio.url);
      expect(r.status).toBe(200);
      expect(r.type).toBe('audio/wav');
      const pcm = decodeWav(r.body);
      expect(pcm.sampleRate).toBe(16000);
      expect(Math.abs(pcm.samples.length / 16 - c.audio.durationMs)).toBeLessThan(2);
      expect(rms(pcm.samples)).toBeGreaterThan(1000);
    }
    // a recall says the same text: the same audio
    clock.now += 5000;
    await api.post('/api/windows/2/recall', {}, t2);
    await until(() => got.call!.length === 5, 'the expected state');
    expect(got.call![4].recall).toBe(true);
    expect(got.call![4].audio.url.split('?')[0]).toBe(calls[3].audio.url.split('?')[0]);
    calls = got.call!;
  });

  it('without the signature the audio needs a token; a forged or expired signature is refused', async () => {
    const bare = calls[0].audio.url.split('?')[0];
    expect((await fetchAudio(bare)).status).toBe(401);
    expect((await fetchAudio(bare, BOARD_TOKEN)).status).toBe(200);
    expect(
      (await fetchAudio(calls[0].audio.url.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).status,
    ).toBe(401);
    const later = calls[0].audio.url;
    clock.now += 3600_000;
    expect((await fetchAudio(later)).status).toBe(401);
    expect((await fetchAudio('/api/voice/../../secret.key')).status).toBe(404);
  });

  it('voice.output plays every announcement on the server, repeated, in call order, one after another', async () => {
    const want = [];
    for (const c of calls) {
      const h = sha((await fetchAudio(c.audio.url.split('?')[0], BOARD_TOKEN)).body);
      want.push(h, h);
    }
    await until(() => played().length >= want.length, 'the expected state', 20_000);
    expect(played()).toEqual(want);
    await until(() => s.voice.output!.pending === 0, 'the player to finish');
  });

  it('a board reports its sound; /api/devices shows it; mute for a minute while calls happen raises an alert', async () => {
    const sup = await api.login('sup');
    const board = connect(`${s.url}/board`, {
      auth: { token: BOARD_TOKEN },
      transports: ['websocket'],
      forceNew: true,
    });
    sockets.push(board);
    await new Promise((r) => board.once('state', r));
    board.emit('voice', { state: 'speaking' });
    await until(
      async () =>
        (await api.get('/api/devices', sup)).body.devices.find((d: any) => d.id === 'board-a').voice?.state ===
        'speaking',
      'the expected state',
    );
    board.emit('voice', { state: 'nonsense' });
    board.emit('voice', { state: 'blocked', detail: 'NotAllowedError' });
    await until(
      async () =>
        (await api.get('/api/devices', sup)).body.devices.find((d: any) => d.id === 'board-a').voice?.state ===
        'blocked',
      'the expected state',
    );
    const dev = (await api.get('/api/devices', sup)).body.devices;
    expect(dev.find((d: any) => d.id === 'board-a').voice).toMatchObject({
      state: 'blocked',
      detail: 'NotAllowedError',
    });
    expect(dev.find((d: any) => d.id === 'kiosk-1').voice).toBeUndefined();

    const mute = async () =>
      (await api.get('/api/alerts', sup)).body.alerts?.filter((a: any) => a.kind === 'board_mute' && !a.resolvedAt) ??
      [];
    // mute, but no call yet: no alert even after a minute
    clock.now += 61_000;
    await sleep(300);
    expect(await mute()).toEqual([]);
    const t1 = await api.login('c1', 1);
    await api.issue('general');
    clock.now += 5000;
    await api.post('/api/windows/1/call-next', {}, t1);
    await until(async () => (await mute()).length === 1, 'the expected state', 10_000);
    expect((await mute())[0]).toMatchObject({ subject: 'board-a' });
    // sound back: the alert resolves
    board.emit('voice', { state: 'ready' });
    await until(async () => (await mute()).length === 0, 'the expected state', 10_000);
  });
});
