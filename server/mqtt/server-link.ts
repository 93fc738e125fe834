// How the server itself publishes and subscribes: in process on the embedded broker (no login, no client
// id, nothing on the network that could knock it off), or as an MQTT client of an external broker.
import type { Aedes, AedesPublishPacket } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';

export interface ServerLink {
  readonly connected: boolean;
  /** QoS 1; resolves once the broker has taken the message. */
  publish(topic: string, payload: string, retain: boolean): Promise<void>;
  subscribe(pattern: string): void;
  end(): Promise<void>;
}

export interface LinkEvents {
  /** After every (re)connect: the bridge republishes its retained state and subscribes. */
  connect(): void;
  message(topic: string, payload: Buffer): void;
  error(msg: string, e?: unknown): void;
}

/**
 * In process on the embedded broker: connected while the broker runs. The bridge subscribes before the
 * broker's port opens, so nothing retained by a device can be missed.
 */
export function inProcessLink(broker: Aedes, on: Omit<LinkEvents, 'connect'>): ServerLink {
  let connected = true;
  let tail = Promise.resolve();
  const deliver = (packet: AedesPublishPacket, done: () => void) => {
    on.message(packet.topic, packet.payload as Buffer);
    done();
  };
  return {
    get connected() {
      return connected;
    },
    // One at a time, as a client's packets are: aedes numbers each message when it is published and a
    // subscriber drops one numbered below one it already has, so a retained message (stored first) that
    // a later, quicker one overtook would be lost.
    publish: (topic, payload, retain) =>
      (tail = tail.then(
        () =>
          new Promise<void>((resolve) =>
            broker.publish(
              { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain, dup: false },
              (e) => {
                if (e) on.error(`mqtt: publish on ${topic} failed`, e);
                resolve();
              },
            ),
          ),
      )),
    subscribe: (pattern) => broker.subscribe(pattern, deliver, () => {}),
    end: () => {
      connected = false;
      return Promise.resolve();
    },
  };
}

/** An MQTT client of an external broker, reconnecting by itself, with a last will saying offline. */
export function clientLink(
  o: { url: string; username?: string; password?: string; ca?: string[]; hallId: string; stateTopic: string },
  on: LinkEvents,
): ServerLink {
  const client: MqttClient = mqtt.connect(o.url, {
    protocolVersion: 4,
    // Unguessable, so no other client of a shared broker can take the server's session over by its id
    // (mosquitto set up by scripts/mosquitto-config.ts replaces it with the username anyway).
    clientId: `hall-server-${o.hallId}-${randomBytes(6).toString('hex')}`,
    username: o.username,
    password: o.password,
    ...(o.ca ? { ca: o.ca } : {}),
    reconnectPeriod: 2000,
    will: {
      topic: o.stateTopic,
      payload: Buffer.from(JSON.stringify({ state: 'offline' })),
      retain: true,
      qos: 1,
    },
  });
  client.on('connect', () => on.connect());
  client.on('message', (topic, payload) => on.message(topic, payload));
  client.on('error', (e) => on.error(`mqtt: ${e.message}`));
  return {
    get connected() {
      return client.connected;
    },
    publish: (topic, payload, retain) =>
      new Promise((resolve) => client.publish(topic, payload, { retain, qos: 1 }, () => resolve())),
    subscribe: (pattern) => void client.subscribe(pattern, { qos: 1 }),
    end: () => client.endAsync(),
  };
}
