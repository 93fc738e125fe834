// The MQTT adapter: an embedded broker (default) or an external one, device logins checked against the
// config, per-device topic ACLs, and the server's own retained `server/state` with a last will.
// Later features (LED, keypads, pads) publish and subscribe through this bridge.
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { HallConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import { sameToken } from '../auth/tokens';
import { mayAccess } from './acl';
import { listenMqtts, type MqttsListener } from './tls-listener';
import { DEFAULT_MQTTS_PORT } from '../config/tls-schema';
import type { HallTls } from '../tls/hall-tls';

type MqttSettings = HallConfig['mqtt'];

export class MqttBridge {
  private broker: Aedes | null = null;
  private listener: Server | null = null;
  private client: MqttClient | null = null;
  private readonly internalUser = `$server-${randomBytes(6).toString('hex')}`;
  private readonly internalPass = randomBytes(24).toString('base64url');
  brokerPort: number | null = null;
  private tlsListener: MqttsListener | null = null;
  /** MQTT over TLS (server.tls on, embedded broker). */
  brokerTlsPort: number | null = null;
  private readonly connectHooks = new Set<() => void>();
  private readonly handlers = new Map<string, Set<(topic: string, payload: Buffer) => void>>();

  constructor(
    private readonly core: HallCore,
    private readonly staff: StaffAccess,
    private readonly settings: MqttSettings,
    private readonly log: (msg: string, e?: unknown) => void,
    private readonly tls: HallTls | null = null,
  ) {}

  get base(): string {
    return this.settings.baseTopic;
  }

  status(): Record<string, unknown> {
    if ('disabled' in this.settings) return { mode: 'disabled' };
    return {
      mode: 'embedded' in this.settings ? 'embedded' : 'external',
      port: this.brokerPort,
      ...(this.brokerTlsPort !== null ? { tlsPort: this.brokerTlsPort } : {}),
      connected: this.client?.connected ?? false,
    };
  }

  async start(): Promise<void> {
    if ('disabled' in this.settings) return;
    let url: string;
    let username: string | undefined;
    let password: string | undefined;
    if ('embedded' in this.settings) {
      await this.startBroker(this.settings.embedded.port, this.settings.embedded.host);
      if (this.tls) {
        const { tlsPort, host } = this.settings.embedded;
        this.tlsListener = await listenMqtts(this.broker!.handle, this.tls, tlsPort ?? DEFAULT_MQTTS_PORT, host);
        this.brokerTlsPort = this.tlsListener.port;
      }
      url = `mqtt://127.0.0.1:${this.brokerPort}`;
      username = this.internalUser;
      password = this.internalPass;
    } else {
      url = this.settings.url;
      username = this.settings.username;
      password = this.settings.password;
    }
    const stateTopic = `${this.base}/server/state`;
    this.client = mqtt.connect(url, {
      protocolVersion: 4,
      clientId: `hall-server-${this.core.config.hall.id}`,
      username,
      password,
      reconnectPeriod: 2000,
      // An external broker with the hall's self-signed certificate (mqtts://) is trusted like a public one.
      ...(this.tls?.ca && url.startsWith('mqtts:') ? { ca: [...rootCertificates, this.tls.ca] } : {}),
      will: { topic: stateTopic, payload: Buffer.from(JSON.stringify({ state: 'offline' })), retain: true, qos: 1 },
    });
    this.client.on('connect', () => {
      // After every (re)connect the server republishes its retained state (DESIGN.md §6).
      this.client?.publish(stateTopic, JSON.stringify({ state: 'online' }), { retain: true, qos: 1 });
      for (const pattern of this.handlers.keys()) this.client?.subscribe(pattern, { qos: 1 });
      for (const hook of this.connectHooks) {
        try {
          hook();
        } catch (e) {
          this.log('mqtt: republish failed', e);
        }
      }
    });
    this.client.on('message', (topic, payload) => {
      for (const [pattern, fns] of this.handlers) {
        if (!topicMatches(pattern, topic)) continue;
        for (const fn of fns) {
          try {
            fn(topic, payload);
          } catch (e) {
            this.log(`mqtt: handler for ${topic} failed`, e);
          }
        }
      }
    });
    this.client.on('error', (e) => this.log(`mqtt: ${e.message}`));
  }

  /** Runs after every (re)connect to the broker; returns an unsubscribe function. */
  onConnect(fn: () => void): () => void {
    this.connectHooks.add(fn);
    if (this.client?.connected) fn();
    return () => this.connectHooks.delete(fn);
  }

  /** Publishes JSON; skipped while disconnected, since every retained topic is republished on connect. */
  publish(topic: string, payload: unknown, retain: boolean): void {
    if (!this.client?.connected) return;
    this.client.publish(topic, JSON.stringify(payload), { retain, qos: 1 });
  }

  subscribe(pattern: string, fn: (topic: string, payload: Buffer) => void): () => void {
    let set = this.handlers.get(pattern);
    if (!set) {
      this.handlers.set(pattern, (set = new Set()));
      if (this.client?.connected) this.client.subscribe(pattern, { qos: 1 });
    }
    set.add(fn);
    return () => set.delete(fn);
  }

  private async startBroker(port: number, host: string): Promise<void> {
    const broker = await Aedes.createBroker();
    const devices = this.core.config.devices;
    broker.authenticate = (client, user, pass, done) => {
      const password = pass ? pass.toString('utf8') : '';
      if (user === this.internalUser && sameToken(password, this.internalPass)) return done(null, true);
      const d = devices.find((x) => x.id === user && 'token' in x);
      const ok = !!d && 'token' in d && sameToken(password, d.token);
      if (ok) (client as unknown as { device: unknown }).device = d;
      else this.log(`mqtt: refused login for "${String(user).slice(0, 64)}"`);
      done(ok ? null : (Object.assign(new Error('bad username or password'), { returnCode: 4 }) as never), ok);
    };
    const deviceOf = (client: unknown) => (client as { device?: HallConfig['devices'][number] } | null)?.device;
    broker.authorizePublish = (client, packet, done) => {
      const d = deviceOf(client);
      if (!client || !d) return done(null); // the server's own client
      done(mayAccess(d, this.base, packet.topic, 'publish') ? null : new Error('not authorised'));
    };
    broker.authorizeSubscribe = (client, sub, done) => {
      const d = deviceOf(client);
      if (!d) return done(null, sub);
      done(null, mayAccess(d, this.base, sub.topic, 'subscribe') ? sub : null);
    };
    this.broker = broker;
    this.listener = createServer(broker.handle);
    await new Promise<void>((resolve, reject) => {
      this.listener!.once('error', reject);
      this.listener!.listen(port, host, () => resolve());
    });
    this.brokerPort = (this.listener.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (this.client) {
      const c = this.client;
      this.client = null;
      // A clean stop says offline itself; a crash leaves it to the last will.
      await new Promise<void>((r) =>
        c.publish(`${this.base}/server/state`, JSON.stringify({ state: 'offline' }), { retain: true, qos: 1 }, () =>
          r(),
        ),
      );
      await c.endAsync();
    }
    if (this.tlsListener) {
      const l = this.tlsListener;
      this.tlsListener = null;
      await l.close();
    }
    if (this.listener) {
      const l = this.listener;
      this.listener = null;
      await new Promise<void>((r) => l.close(() => r()));
    }
    if (this.broker) {
      const b = this.broker;
      this.broker = null;
      await new Promise<void>((r) => b.close(() => r()));
    }
  }
}

/** MQTT topic filter matching with + and #. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
