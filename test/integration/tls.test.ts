// TLS (issue 23, finding 13) through the real doors: HTTPS with the hall CA pinned, plain HTTP keeping only
// the ticket page, socket.io over both, MQTT over TLS with a device token, the self-signed certificate
// reused on restart with 0600 keys, and the hall's own certificate files.
import mqtt from 'mqtt';
import { spawn } from 'node:child_process';
import { generateKeyPairSync, X509Certificate, createPublicKey } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../server/config/load';
import { issueCertificate } from '../../server/tls/certificate';
import { loadHallTls } from '../../server/tls/hall-tls';
import { writeMosquittoFiles, writeMosquittoTls } from '../../scripts/mosquitto-config';
import { freePort, startMosquitto } from '../helpers/mosquitto';
import { startDeviceTool } from '../helpers/device-tool';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../server/paths';
import {
  BOARD_TOKEN,
  KIOSK_TOKEN,
  LED_TOKEN,
  PASSWORD,
  client,
  startTestHall,
  tempDir,
  testConfig,
  testConfigInput,
} from '../helpers/hall';
import { mqttConnected, until, useCleanup } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/test';
const T = hallTopics(BASE);
const cleanup = { push: useCleanup() };

interface HttpsResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  peer: X509Certificate;
}

/** One HTTPS request that trusts only the given CA (no system roots, no skipping verification). */
function https(url: string, ca: string, method = 'GET', body?: unknown, token?: string): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca,
        agent: false,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const peer = new X509Certificate(res.socket && (res.socket as any).getPeerCertificate().raw);
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* a page */
          }
          resolve({ status: res.statusCode!, headers: res.headers, body: parsed, peer });
        });
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function tlsConfig(tls: Record<string, unknown>) {
  const input = testConfigInput();
  return testConfig(4, { server: { ...input.server, tls: { port: 0, ...tls } } as never });
}

async function tlsHall(dataDir = tempDir(), tls: Record<string, unknown> = { selfSigned: true }) {
  const s = await startTestHall({
    dataDir,
    config: tlsConfig(tls),
    mqtt: { embedded: { port: 0, tlsPort: 0, host: '127.0.0.1' }, baseTopic: BASE },
  });
  let stopped = false;
  cleanup.push(() => (stopped ? undefined : s.stop()));
  return Object.assign(s, {
    stopOnce: async () => {
      stopped = true;
      await s.stop();
    },
  });
}

function socket(url: string, ns: string, auth: Record<string, unknown>, ca?: string): Socket {
  const s = connect(`${url}${ns}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ca });
  cleanup.push(() => s.disconnect());
  return s;
}

const firstState = (s: Socket) =>
  new Promise<unknown>((resolve, reject) => {
    s.once('state', resolve);
    s.once('connect_error', (e: Error & { data?: { code?: string } }) => reject(e));
  });

const refusal = (s: Socket) =>
  new Promise<{ message: string; code: string | undefined }>((resolve, reject) => {
    s.once('state', () => reject(new Error('connected over plain HTTP')));
    s.once('connect_error', (e: Error & { data?: { code?: string } }) =>
      resolve({ message: e.message, code: e.data?.code }),
    );
  });

describe('HTTPS with a certificate made at first start', () => {
  it('answers HTTPS with the hall CA pinned, and its certificate names the hall’s addresses', async () => {
    const s = await tlsHall();
    const ca = readFileSync(path.join(s.dataDir, 'tls', 'hall-ca.pem'), 'utf8');
    expect(s.tls!.ca).toBe(ca);
    const r = await https(`${s.tls!.url}/api/health`, ca);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.peer.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(r.peer.checkHost('localhost')).toBe('localhost');
    expect(r.peer.verify(new X509Certificate(ca).publicKey)).toBe(true);
    expect(new X509Certificate(ca).ca).toBe(true);
    // Without the CA the certificate is not trusted: a client must pin or install it.
    await expect(fetch(`https://127.0.0.1:${s.tls!.port}/api/health`)).rejects.toThrow();
    // HSTS would lock phones out of the plain-HTTP ticket page; it is off while that page stays on HTTP.
    expect(r.headers['strict-transport-security']).toBeUndefined();
    // The hall CA is offered for download, over HTTPS and plain HTTP alike.
    expect((await https(`${s.tls!.url}/hall-ca.pem`, ca)).body).toBe(ca);
    expect(await (await fetch(`${s.url}/hall-ca.pem`)).text()).toBe(ca);
    // The start page gives the HTTPS address and the fingerprint to check.
    const start = await https(`${s.tls!.url}/`, ca);
    expect(start.body).toContain(s.tls!.publicUrl);
    expect(start.body).toContain(s.tls!.fingerprint);
    expect(s.tls!.publicUrl).toBe(s.tls!.url);
  });

  it('logs in over HTTPS; plain HTTP refuses logins and bearer tokens and sends staff pages to HTTPS', async () => {
    const s = await tlsHall();
    const ca = s.tls!.ca!;
    const login = await https(`${s.tls!.url}/api/auth/login`, ca, 'POST', {
      clerkId: 'c1',
      password: PASSWORD,
      windowNo: 1,
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await https(`${s.tls!.url}/api/hall`, ca, 'GET', undefined, token)).status).toBe(200);

    const plain = client(s.url);
    const refused = await plain.post('/api/auth/login', { clerkId: 'c1', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('HTTPS_REQUIRED');
    expect(refused.body.error.message).toContain(`https://127.0.0.1:${s.tls!.port}`);
    for (const [method, p] of [
      ['GET', '/api/hall'],
      ['POST', '/api/windows/1/call-next'],
    ] as const) {
      const r = await plain.call(method, p, method === 'POST' ? {} : undefined, token);
      expect(r.status, `${method} ${p}`).toBe(403);
      expect(r.body.error.code).toBe('HTTPS_REQUIRED');
    }
    const kiosk = await plain.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(kiosk.body.error.code).toBe('HTTPS_REQUIRED');
    // A screen set up with its token in the URL is refused too, not quietly moved to HTTPS.
    const board = await fetch(`${s.url}/board?token=${BOARD_TOKEN}`, { redirect: 'manual' });
    expect(board.status).toBe(403);
    expect(((await board.json()) as any).error.code).toBe('HTTPS_REQUIRED');
    for (const page of ['/', '/console', '/supervisor', '/board?lang=en', '/kiosk', '/api/docs']) {
      const r = await fetch(`${s.url}${page}`, { redirect: 'manual' });
      expect(r.status, page).toBe(308);
      expect(r.headers.get('location')).toBe(`https://127.0.0.1:${s.tls!.port}${page}`);
    }
  });

  it('keeps the ticket page, its status and its live feed on plain HTTP; every other feed needs HTTPS', async () => {
    const s = await tlsHall();
    const ca = s.tls!.ca!;
    const issued = await https(`${s.tls!.url}/api/tickets`, ca, 'POST', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(issued.status).toBe(201);
    const t = issued.body.ticket;
    // The printed QR code points at plain HTTP: a visitor's phone does not trust the hall's certificate.
    expect(t.statusUrl).toBe(`http://127.0.0.1:${s.port}/t/${t.id}`);
    expect((await fetch(t.statusUrl)).status).toBe(200);
    const status = await client(s.url).get(`/api/tickets/${t.id}`);
    expect(status.status).toBe(200);
    expect(status.body.ticket.number).toBe(t.number);

    await expect(firstState(socket(s.url, '/ticket', { ticketId: t.id }))).resolves.toMatchObject({
      ticket: { number: t.number },
    });
    expect(await refusal(socket(s.url, '/board', { token: BOARD_TOKEN }))).toMatchObject({ code: 'HTTPS_REQUIRED' });
    expect(await refusal(socket(s.url, '/supervisor', { token: 'whatever-token-000000' }))).toMatchObject({
      code: 'HTTPS_REQUIRED',
    });
    // socket.io over HTTPS, with the CA pinned.
    await expect(firstState(socket(s.tls!.url, '/board', { token: BOARD_TOKEN }, ca))).resolves.toBeTruthy();
  });

  it('MQTT over TLS: a device logs in with its token and receives the retained state', async () => {
    const s = await tlsHall();
    await mqttConnected(s);
    const port = s.mqtt.brokerTlsPort!;
    expect(s.mqtt.status()).toMatchObject({ mode: 'embedded', tlsPort: port });
    const led = await mqtt.connectAsync(`mqtts://127.0.0.1:${port}`, {
      protocolVersion: 4,
      username: 'led-1',
      password: LED_TOKEN,
      ca: s.tls!.ca!,
      reconnectPeriod: 0,
      connectTimeout: 5000,
    });
    cleanup.push(() => led.endAsync());
    const peer = (led.stream as unknown as { getPeerCertificate(): { fingerprint256: string } }).getPeerCertificate();
    expect(peer.fingerprint256).toBe(
      new X509Certificate(readFileSync(path.join(s.dataDir, 'tls', 'server.pem'))).fingerprint256,
    );
    const seen: Record<string, { payload: any; retain: boolean }> = {};
    led.on(
      'message',
      (topic, p, packet) => (seen[topic] = { payload: JSON.parse(p.toString()), retain: packet.retain }),
    );
    await led.subscribeAsync([T.serverState, T.ledDisplay(1)]);
    await until(() => seen[T.serverState] && seen[T.ledDisplay(1)], 'retained state over MQTTS');
    expect(seen[T.serverState]).toEqual({ payload: { state: 'online' }, retain: true });
    expect(seen[T.ledDisplay(1)]).toMatchObject({ payload: { window: 1 }, retain: true });
    // The same logins and rules as the plain listener: a wrong token is refused.
    await expect(
      mqtt.connectAsync(`mqtts://127.0.0.1:${port}`, {
        protocolVersion: 4,
        username: 'led-1',
        password: 'wrong-token-0000000000',
        ca: s.tls!.ca!,
        reconnectPeriod: 0,
        connectTimeout: 5000,
      }),
    ).rejects.toThrow();
  });

  it('the LED simulator logs in over MQTTS with the hall CA (--url mqtts://… --ca hall-ca.pem)', async () => {
    const s = await tlsHall();
    await mqttConnected(s);
    const ca = path.join(s.dataDir, 'tls', 'hall-ca.pem');
    const led = startDeviceTool(s, 'led-simulator.ts', [
      '--plain',
      '--url',
      `mqtts://127.0.0.1:${s.mqtt.brokerTlsPort!}`,
      '--ca',
      ca,
    ]);
    cleanup.push(() => void led.proc.kill('SIGTERM'));
    await led.waitFor('窗口关闭');
  });

  it('reuses the certificate on restart, its keys 0600', async () => {
    const dataDir = tempDir();
    const first = await tlsHall(dataDir);
    const files = path.join(dataDir, 'tls');
    const cert = readFileSync(path.join(files, 'server.pem'), 'utf8');
    const ca = first.tls!.ca;
    await first.stopOnce();
    for (const key of ['server.key', 'hall-ca.key'])
      expect(statSync(path.join(files, key)).mode & 0o777, key).toBe(0o600);

    const again = await tlsHall(dataDir);
    expect(readFileSync(path.join(files, 'server.pem'), 'utf8')).toBe(cert);
    expect(again.tls!.ca).toBe(ca);
    const r = await https(`${again.tls!.url}/api/health`, ca!);
    expect(r.peer.fingerprint256).toBe(new X509Certificate(cert).fingerprint256);
    expect(statSync(path.join(files, 'server.key')).mode & 0o777).toBe(0o600);
  });
});

/** A hall's own certificate, as a hall's IT department would hand it over: a CA and a server certificate. */
function hallCertificate(dir: string) {
  const caKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caSubject = { cn: 'City IT CA' };
  const now = Date.now();
  const ca = issueCertificate({
    subject: caSubject,
    publicKey: caKeys.publicKey,
    selfKey: caKeys.privateKey,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 86_400_000),
    ca: true,
  });
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = issueCertificate({
    subject: { cn: 'hall.example.gov.cn' },
    publicKey: keys.publicKey,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 86_400_000),
    ca: false,
    names: ['hall.example.gov.cn', '127.0.0.1'],
    issuer: { subject: caSubject, key: caKeys.privateKey, publicKey: createPublicKey(caKeys.privateKey) },
  });
  const certFile = path.join(dir, 'hall.crt');
  const keyFile = path.join(dir, 'hall.key');
  writeFileSync(certFile, cert + ca);
  writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return { ca, cert, certFile, keyFile };
}

describe('the hall’s own certificate', () => {
  it('serves HTTPS and MQTTS with the given files; with ticketPage https the QR code and HSTS follow', async () => {
    const dir = tempDir();
    const own = hallCertificate(dir);
    const s = await tlsHall(tempDir(), { cert: own.certFile, key: own.keyFile, ticketPage: 'https' });
    const expected = new X509Certificate(own.cert).fingerprint256;
    const r = await https(`${s.tls!.url}/api/health`, own.ca);
    expect(r.status).toBe(200);
    expect(r.peer.fingerprint256).toBe(expected);
    expect(r.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(s.tls!.ca).toBeNull();
    expect(s.tls!.fingerprint).toBe(expected);

    const issued = await https(`${s.tls!.url}/api/tickets`, own.ca, 'POST', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(issued.body.ticket.statusUrl).toBe(`${s.tls!.url}/t/${issued.body.ticket.id}`);

    await mqttConnected(s);
    const led = await mqtt.connectAsync(`mqtts://127.0.0.1:${s.mqtt.brokerTlsPort!}`, {
      protocolVersion: 4,
      username: 'led-1',
      password: LED_TOKEN,
      ca: own.ca,
      reconnectPeriod: 0,
      connectTimeout: 5000,
    });
    cleanup.push(() => led.endAsync());
    const peer = (led.stream as unknown as { getPeerCertificate(): { fingerprint256: string } }).getPeerCertificate();
    expect(peer.fingerprint256).toBe(expected);
  });

  it('a key that does not belong to the certificate stops the server with the reason', async () => {
    const a = hallCertificate(tempDir());
    const b = hallCertificate(tempDir());
    const start = tlsHall(tempDir(), { cert: a.certFile, key: b.keyFile });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/server\.tls\.key[\s\S]*does not belong/);
  });
});

describe('a real mosquitto with the hall certificate (npm run mosquitto-config -- --tls-cert … --tls-key …)', () => {
  it('devices and the hall server reach it over TLS; the server trusts the hall CA by itself', async () => {
    const dataDir = tempDir();
    const config = tlsConfig({ selfSigned: true });
    // The hall's first start makes the certificate; mosquitto is configured with it afterwards.
    await loadHallTls(config, dataDir, () => {});
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    writeFileSync(file, stringify(testConfigInput(4)));
    const out = path.join(dir, 'mosquitto');
    const auth = writeMosquittoFiles(file, out, 'hall-server', 'server-secret-123');
    const tlsPort = await freePort();
    const tls = path.join(dataDir, 'tls');
    const conf = writeMosquittoTls(
      out,
      path.join(tls, 'server.pem'),
      path.join(tls, 'server.key'),
      tlsPort,
      '127.0.0.1',
    );
    expect(statSync(path.join(out, 'hall-server.key')).mode & 0o777).toBe(0o600);
    const broker = await startMosquitto(undefined, auth, readFileSync(conf, 'utf8'));
    cleanup.push(() => broker.stop());

    const s = await startTestHall({
      dataDir,
      config,
      mqtt: {
        url: `mqtts://127.0.0.1:${tlsPort}`,
        username: 'hall-server',
        password: 'server-secret-123',
        baseTopic: BASE,
      },
    });
    cleanup.push(() => s.stop());
    await mqttConnected(s);
    const ca = s.tls!.ca!;
    const led = await until(
      () =>
        mqtt
          .connectAsync(`mqtts://127.0.0.1:${tlsPort}`, {
            protocolVersion: 4,
            username: 'led-1',
            password: LED_TOKEN,
            ca,
            reconnectPeriod: 0,
            connectTimeout: 5000,
          })
          .catch(() => null),
      'mosquitto’s TLS listener',
    );
    cleanup.push(() => led.endAsync());
    const seen: Record<string, unknown> = {};
    led.on('message', (topic, p) => (seen[topic] = JSON.parse(p.toString())));
    await led.subscribeAsync(T.serverState);
    await until(() => seen[T.serverState], 'the server’s retained state through mosquitto');
    expect(seen[T.serverState]).toEqual({ state: 'online' });
  });
});

describe('npm start with server.tls', () => {
  it('prints the HTTPS address, the plain one for the ticket page, the fingerprint and the MQTTS port', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    const input = testConfigInput();
    writeFileSync(
      file,
      stringify({
        ...input,
        server: { host: '127.0.0.1', tls: { selfSigned: true } },
        mqtt: { embedded: {}, baseTopic: BASE },
      }),
    );
    const proc = spawn(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(PROJECT_ROOT, 'server/main.ts'), '--config', file, '--data', path.join(dir, 'data')].concat(
        ['--port', '--tls-port', '--mqtt-port', '--mqtts-port'].flatMap((o) => [o, '0']),
      ),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanup.push(() => proc.kill('SIGTERM'));
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += String(d)));
    proc.stderr.on('data', (d: Buffer) => (out += String(d)));
    await until(() => out.includes('MQTT broker'), 'the start-up lines', 30_000);
    const httpsUrl = /^测试大厅: (https:\/\/127\.0\.0\.1:\d+) /m.exec(out)?.[1];
    expect(httpsUrl, out).toBeTruthy();
    expect(out).toMatch(/plain HTTP http:\/\/127\.0\.0\.1:\d+: the mobile ticket page only/);
    const ca = new X509Certificate(readFileSync(path.join(dir, 'data', 'tls', 'hall-ca.pem')));
    expect(out).toContain(`certificate SHA-256 ${ca.fingerprint256}`);
    expect(out).toMatch(/MQTT over TLS on \d+/);
    expect(
      (await https(`${httpsUrl}/api/health`, readFileSync(path.join(dir, 'data', 'tls', 'hall-ca.pem'), 'utf8')))
        .status,
    ).toBe(200);
  });
});
