// The MQTT adapter: an embedded broker (default) or an external one, device logins checked against the
// config, per-device topic ACLs, and the server's own retained `server/state` with a last will.
// Later features (LED, keypads, pads) publish and subscribe through this bridge. On the embedded broker
// the server's side runs in process (server-link.ts): it has no client id and no login a device could use.
import type { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import type { HallConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import { newRequestId, withRequestId, type Log } from '../log';
import { DEFAULT_MQTTS_PORT } from '../config/tls-schema';
import { hallTopics, type HallTopics } from '../protocol/mqtt';
import type { HallTls } from '../tls/hall-tls';
import { EmbeddedBroker } from './embedded-broker';
import { clientLink, inProcessLink, type LinkEvents, type ServerLink } from './server-link';
import { listenMqtts, type MqttsListener } from './tls-listener';

type MqttSettings = HallConfig['mqtt'];

export class MqttBridge {
  private embedded: EmbeddedBroker | null = null;
  private link: ServerLink | null = null;
  brokerPort: number | null = null;
  private tlsListener: MqttsListener | null = null;
  private offConfig: (() => void) | null = null;
  /** MQTT over TLS (server.tls on, embedded broker). */
  brokerTlsPort: number | null = null;
  private readonly connectHooks = new Set<() => void>();
  private readonly handlers = new Map<string, Set<(topic: string, payload: Buffer) => void>>();

  constructor(
    private readonly core: HallCore,
    private readonly staff: StaffAccess,
    private readonly settings: MqttSettings,
    private readonly log: Log,
    private readonly tls: HallTls | null = null,
  ) {}

  get base(): string {
    return this.settings.baseTopic;
  }

  /** The hall's topics under the configured base (protocol/mqtt.ts owns their shape). */
  get topics(): HallTopics {
    return hallTopics(this.base);
  }

  private get stateTopic(): string {
    return this.topics.serverState;
  }

  status(): Record<string, unknown> {
    if ('disabled' in this.settings) return { mode: 'disabled' };
    return {
      mode: 'embedded' in this.settings ? 'embedded' : 'external',
      port: this.brokerPort,
      ...(this.brokerTlsPort !== null ? { tlsPort: this.brokerTlsPort } : {}),
      ...('embedded' in this.settings ? { host: this.settings.embedded.host ?? '0.0.0.0' } : {}),
      connected: this.link?.connected ?? false,
    };
  }

  async start(): Promise<void> {
    if ('disabled' in this.settings) return;
    const events: LinkEvents = {
      connect: () => this.linkUp(),
      message: (topic, payload) => this.dispatch(topic, payload),
      error: (msg, e) => this.log(msg, e),
    };
    if ('embedded' in this.settings) {
      const { port, host } = this.settings.embedded;
      this.embedded = await EmbeddedBroker.create({
        base: this.base,
        devices: () => this.core.config.devices,
        log: this.log,
      });
      this.link = inProcessLink(this.embedded.broker, events);
      this.linkUp();
      // A revoked device token (live settings) ends that device's MQTT session at once.
      const broker = this.embedded;
      this.offConfig = this.core.bus.on('config.changed', () => broker.dropStale());
      await this.embedded.listen(port, host ?? '0.0.0.0');
      this.brokerPort = this.embedded.port;
      const embedded = this.embedded;
      if (this.tls) {
        // The same door as the plain listener: the connection guard applies behind TLS too.
        const { tlsPort } = this.settings.embedded;
        this.tlsListener = await listenMqtts(
          (stream) => embedded.accept(stream as Socket), // a TLSSocket: a net.Socket underneath
          this.tls,
          tlsPort ?? DEFAULT_MQTTS_PORT,
          host ?? '0.0.0.0',
        );
        this.brokerTlsPort = this.tlsListener.port;
      }
    } else {
      const { url, username, password } = this.settings;
      // An external broker with the hall's self-signed certificate (mqtts://) is trusted like a public one.
      const ca = this.tls?.ca && url.startsWith('mqtts:') ? [...rootCertificates, this.tls.ca] : undefined;
      this.link = clientLink(
        { url, username, password, ca, hallId: this.core.config.hall.id, stateTopic: this.stateTopic },
        events,
      );
    }
  }

  private linkUp(): void {
    // After every (re)connect the server republishes its retained state (DESIGN.md §6).
    void this.link?.publish(this.stateTopic, JSON.stringify({ state: 'online' }), true);
    for (const pattern of this.handlers.keys()) this.link?.subscribe(pattern);
    for (const hook of this.connectHooks) {
      try {
        hook();
      } catch (e) {
        this.log('mqtt: republish failed', e);
      }
    }
  }

  /** One inbound message is one request: its log lines (a keypad's command, a refusal) share a request id. */
  private dispatch(topic: string, payload: Buffer): void {
    withRequestId(newRequestId(), () => this.deliver(topic, payload));
  }

  private deliver(topic: string, payload: Buffer): void {
    for (const [pattern, fns] of this.handlers) {
      if (!topicMatches(pattern, topic)) continue;
      for (const fn of fns) {
        try {
          fn(topic, payload);
        } catch (e) {
          this.log('mqtt: a topic handler failed', e, { topic });
        }
      }
    }
  }

  /** Runs after every (re)connect to the broker; returns an unsubscribe function. */
  onConnect(fn: () => void): () => void {
    this.connectHooks.add(fn);
    if (this.link?.connected) fn();
    return () => this.connectHooks.delete(fn);
  }

  /** Publishes JSON; skipped while disconnected, since every retained topic is republished on connect. */
  publish(topic: string, payload: unknown, retain: boolean): void {
    if (!this.link?.connected) return;
    void this.link.publish(topic, JSON.stringify(payload), retain);
  }

  subscribe(pattern: string, fn: (topic: string, payload: Buffer) => void): () => void {
    let set = this.handlers.get(pattern);
    if (!set) {
      this.handlers.set(pattern, (set = new Set()));
      if (this.link?.connected) this.link.subscribe(pattern);
    }
    set.add(fn);
    return () => set.delete(fn);
  }

  async stop(): Promise<void> {
    this.offConfig?.();
    this.offConfig = null;
    const link = this.link;
    this.link = null;
    // A clean stop says offline itself; a crash leaves it to the last will (or to the broker going away).
    if (link?.connected) await link.publish(this.stateTopic, JSON.stringify({ state: 'offline' }), true);
    await link?.end();
    const tlsListener = this.tlsListener;
    this.tlsListener = null;
    await tlsListener?.close();
    const embedded = this.embedded;
    this.embedded = null;
    await embedded?.close();
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
