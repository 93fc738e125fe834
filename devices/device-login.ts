// What a device simulator needs to log in: its device from the hall config (or --id/--token), the base
// topic, and the broker's address. Shared by the LED and keypad simulators.
import mqtt from 'mqtt';
import { readFileSync } from 'node:fs';
import { loadConfigFile } from '../server/config/load';
import { DEMO_CONFIG } from '../server/paths';
import { hallTopics } from '../server/protocol/mqtt';

export interface DeviceArgs {
  config?: string;
  window?: string;
  url?: string;
  id?: string;
  token?: string;
  /** The CA file for mqtts:// (the hall CA of a self-signed hall, README "Security" → "TLS"). */
  ca?: string;
}

export interface DeviceLogin {
  id: string;
  token: string;
  windowNo: number;
  base: string;
  url: string;
  ca?: string;
}

export function resolveDevice(kind: 'led' | 'keypad' | 'pad', args: DeviceArgs, usage: string): DeviceLogin {
  const fail = (msg: string): never => {
    console.error(msg);
    process.exit(2);
  };
  const config = loadConfigFile(args.config ?? DEMO_CONFIG);
  const windowNo = Number(args.window ?? fail(usage));
  if (!Number.isInteger(windowNo)) fail(usage);
  const found = config.devices.find((d) => d.kind === kind && (args.id ? d.id === args.id : d.window === windowNo));
  const device =
    found && 'token' in found
      ? { id: found.id, token: found.token }
      : args.id && args.token
        ? { id: args.id, token: args.token }
        : null;
  if (!device) return fail(`no ${kind} device for window ${windowNo} in the config; give --id and --token`);
  const m = config.mqtt;
  const url = args.url ?? ('url' in m ? m.url : `mqtt://127.0.0.1:${'embedded' in m ? m.embedded.port : 1883}`);
  const ca = args.ca ? readFileSync(args.ca, 'utf8') : undefined;
  return { ...device, windowNo, base: m.baseTopic, url, ...(ca ? { ca } : {}) };
}

/** The command-line options every device simulator takes. */
export const DEVICE_OPTIONS = {
  config: { type: 'string' },
  window: { type: 'string' },
  url: { type: 'string' },
  id: { type: 'string' },
  token: { type: 'string' },
  ca: { type: 'string' },
} as const;

/**
 * Logs in as the device: a last will saying offline, "online" (retained) and the subscriptions after every
 * (re)connect, and a `leave()` that says offline before it disconnects.
 */
export function connectDevice(d: DeviceLogin, subscriptions: string[], onConnect: () => void = () => {}) {
  const availability = hallTopics(d.base).deviceAvailability(d.id);
  const client = mqtt.connect(d.url, {
    protocolVersion: 4,
    // The hall's brokers run a device's session under its device id (docs/mqtt.md): say so up front.
    clientId: d.id,
    username: d.id,
    password: d.token,
    reconnectPeriod: 2000,
    ...(d.ca ? { ca: d.ca } : {}),
    will: { topic: availability, payload: Buffer.from(JSON.stringify({ state: 'offline' })), retain: true, qos: 1 },
  });
  // Settles once the first subscriptions are acknowledged: a command sent before then could be answered
  // before the broker knows where to send the answer.
  let subscribed = () => {};
  const ready = new Promise<void>((r) => (subscribed = r));
  client.on('connect', () => {
    client.publish(availability, JSON.stringify({ state: 'online' }), { retain: true, qos: 1 });
    client.subscribe(subscriptions, { qos: 1 }, () => subscribed());
    onConnect();
  });
  client.on('error', (e) => console.error(`MQTT: ${e.message}`));
  /** Says offline, disconnects, then exits the process (a simulator) — or not, for a driver with many devices. */
  const leave = (exit = true): Promise<void> =>
    new Promise((resolve) => {
      const end = () => client.end(false, () => (exit ? process.exit(0) : resolve()));
      if (!client.connected) return end();
      client.publish(availability, JSON.stringify({ state: 'offline' }), { retain: true, qos: 1 }, end);
    });
  return { client, leave, ready };
}
