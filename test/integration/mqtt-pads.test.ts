// Hardware evaluation pads over MQTT, with the embedded broker and a real mosquitto: the retained prompt,
// a rating, a pad for window 2 unable to rate window 3's visit, one evaluation per visit, and an error
// result for malformed payloads.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { writeMosquittoFiles } from '../../scripts/mosquitto-config';
import type { HallServer } from '../../server/app';
import type { HallConfigInput } from '../../server/config/schema';
import { client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';
import { startMosquitto } from '../helpers/mosquitto';
import { mqttConnected, sleep, until, useCleanup } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/test';
const T = hallTopics(BASE);
const push = useCleanup();
const PAD2 = 'test-pad2-token-0000000002';
const PAD3 = 'test-pad3-token-0000000003';

function input(): HallConfigInput {
  const base = testConfigInput(4);
  return {
    ...base,
    devices: [
      ...(base.devices ?? []),
      { id: 'pad-2', kind: 'pad', window: 2, token: PAD2 },
      { id: 'pad-3', kind: 'pad', window: 3, token: PAD3 },
    ],
  };
}

async function padClient(port: number, id: string, token: string, windowNo: number) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    username: id,
    password: token,
    reconnectPeriod: 0,
  });
  push(() => new Promise<void>((r) => c.end(true, {}, () => r())));
  const results: any[] = [];
  const prompts: any[] = [];
  c.on('message', (t, p) => (t.endsWith('/result') ? results : prompts).push(JSON.parse(p.toString())));
  await c.subscribeAsync([T.padResult(windowNo), T.padPrompt(windowNo)]);
  const send = async (payload: unknown) => {
    const before = results.length;
    c.publish(T.padEvaluation(windowNo), typeof payload === 'string' ? payload : JSON.stringify(payload), {
      qos: 1,
    });
    for (let i = 0; i < 300 && results.length === before; i++) await sleep(10);
    return results[before];
  };
  return { c, results, prompts, send };
}

/** Serves a visit at a window and returns the evaluation id its pad is asked. */
async function serve(s: HallServer, windowNo: number, service: string) {
  const api = client(s.url);
  const clerk = await api.login(`c${windowNo}`, windowNo);
  await api.issue(service);
  await api.post(`/api/windows/${windowNo}/call-next`, {}, clerk);
  await api.post(`/api/windows/${windowNo}/start`, {}, clerk);
  await api.post(`/api/windows/${windowNo}/finish`, {}, clerk);
  return (
    s.db.prepare('SELECT id FROM evaluations WHERE window_no = ? ORDER BY prompted_at DESC').get(windowNo) as {
      id: string;
    }
  ).id;
}

const status = (s: HallServer, id: string) =>
  s.db.prepare('SELECT status, level, channel FROM evaluations WHERE id = ?').get(id) as Record<string, unknown>;

async function scenario(s: HallServer, port: number) {
  const pad2 = await padClient(port, 'pad-2', PAD2, 2);
  const e2 = await serve(s, 2, 'tax');
  const e3 = await serve(s, 3, 'social');
  await until(() => pad2.prompts.some((p) => p.state === 'evaluate' && p.evaluationId === e2), 'the retained prompt');
  // A pad connecting now gets the prompt at once: it is retained.
  const late = await padClient(port, 'pad-2', PAD2, 2);
  await until(() => late.prompts.length, 'the retained prompt for a late pad');
  expect(late.prompts[0]).toMatchObject({ state: 'evaluate', evaluationId: e2, service: '税务', ticket: 'B001' });

  // Window 3's visit through window 2's pad: refused by the server.
  expect(await pad2.send({ evaluationId: e3, score: 5 })).toMatchObject({
    evaluationId: e3,
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(status(s, e3).status).toBe('pending');

  // Malformed payloads: an error result, nothing changed.
  expect(await pad2.send('{{not json')).toMatchObject({ evaluationId: null, ok: false, error: { code: 'VALIDATION' } });
  expect(await pad2.send({ evaluationId: e2, score: 9 })).toMatchObject({ evaluationId: e2, ok: false });
  expect(await pad2.send({ evaluationId: e2, score: '5' })).toMatchObject({ ok: false });
  expect(await pad2.send({ evaluationId: e2, score: 2 })).toMatchObject({
    ok: false,
    error: { code: 'REASON_REQUIRED' },
  });
  expect(status(s, e2).status).toBe('pending');

  expect(await pad2.send({ evaluationId: e2, score: 4 })).toEqual({ evaluationId: e2, ok: true });
  expect(status(s, e2)).toEqual({ status: 'rated', level: 'satisfied', channel: 'hardware_pad' });
  expect(await pad2.send({ evaluationId: e2, score: 1, reasons: ['其他'] })).toMatchObject({
    ok: false,
    error: { code: 'EVALUATION_DONE' },
  });
  await until(() => pad2.prompts.at(-1)?.state === 'idle', 'the prompt back to idle');
  return { pad2, e3 };
}

describe('hardware pads', () => {
  it('with the embedded broker: rate, refuse another window’s visit, one per visit, malformed → error', async () => {
    const s = await startTestHall({
      config: testConfig(4, input()),
      mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE },
    });
    push(() => s.stop());
    await mqttConnected(s);
    const { pad2, e3 } = await scenario(s, s.mqtt.brokerPort!);
    // Publishing on window 3's topic is not allowed at all: the broker drops it.
    pad2.c.publish(T.padEvaluation(3), JSON.stringify({ evaluationId: e3, score: 5 }), { qos: 1 });
    await sleep(300);
    expect(status(s, e3).status).toBe('pending');
  });

  it('with a real mosquitto enforcing the generated ACL', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    writeFileSync(file, stringify(input()));
    const auth = writeMosquittoFiles(file, path.join(dir, 'mosq'), 'hall-server', 'server-secret-123');
    const broker = await startMosquitto(undefined, auth);
    push(() => broker.stop());
    const s = await startTestHall({
      config: testConfig(4, input()),
      mqtt: {
        url: `mqtt://127.0.0.1:${broker.port}`,
        username: 'hall-server',
        password: 'server-secret-123',
        baseTopic: BASE,
      },
    });
    push(() => s.stop());
    await mqttConnected(s);
    const { pad2, e3 } = await scenario(s, broker.port);
    pad2.c.publish(T.padEvaluation(3), JSON.stringify({ evaluationId: e3, score: 5 }), { qos: 1 });
    await sleep(300);
    expect(status(s, e3).status).toBe('pending');
  });
});
