// Which MQTT topics a device may touch (DESIGN.md §6): only its own. Pure, so it is tested directly.
import type { DeviceConfig } from '../config/schema';
import { hallTopics } from '../protocol/mqtt';

export type Access = 'publish' | 'subscribe';

export function allowedTopics(d: DeviceConfig, base: string): { publish: string[]; subscribe: string[] } {
  const t = hallTopics(base);
  const common = { publish: [t.deviceAvailability(d.id)], subscribe: [t.serverState] };
  switch (d.kind) {
    case 'led':
      return { ...common, subscribe: [...common.subscribe, t.ledDisplay(d.window)] };
    case 'board':
      return { ...common, subscribe: [...common.subscribe, t.bannerDisplay(d.zone)] };
    case 'keypad':
      return {
        publish: [...common.publish, t.keypadCommand(d.window)],
        subscribe: [...common.subscribe, t.keypadResult(d.window)],
      };
    case 'pad':
      return {
        publish: [...common.publish, t.padEvaluation(d.window)],
        subscribe: [...common.subscribe, t.padPrompt(d.window), t.padResult(d.window)],
      };
    default:
      return common;
  }
}

/** Exact topics only: a device may not subscribe with wildcards to see other devices' topics. */
export function mayAccess(d: DeviceConfig, base: string, topic: string, access: Access): boolean {
  if (topic.includes('+') || topic.includes('#')) return false;
  return allowedTopics(d, base)[access].includes(topic);
}

/**
 * The client id a device's MQTT session runs under, bound to the device that logged in: its device id
 * when it sends that (or nothing), else `<deviceId>:<what it sent>`. A broker closes the older connection
 * of a client id, so this is what stops a device from taking over another device's session: ":" cannot
 * occur in a device id, so no device can name a session in another device's space. A device may still run
 * several sessions (a tool beside the device) under ids of its own. Asking for another device's exact id
 * is refused (null): a takeover attempt or a swapped configuration, either of which should be seen.
 */
export function clientIdFor(d: DeviceConfig, requested: string, devices: readonly DeviceConfig[]): string | null {
  if (requested === '' || requested === d.id) return d.id;
  return devices.some((x) => x.id === requested) ? null : `${d.id}:${requested}`;
}

/**
 * The same rules as a mosquitto ACL file, for halls running an external mosquitto: each device may
 * touch only its own topics; the hall server's own user may touch everything under the base topic.
 */
export function mosquittoAcl(devices: readonly DeviceConfig[], base: string, serverUser: string): string {
  const out = [`user ${serverUser}`, `topic readwrite ${base}/#`, ''];
  for (const d of devices) {
    if (!('token' in d)) continue;
    const t = allowedTopics(d, base);
    out.push(
      `user ${d.id}`,
      ...t.subscribe.map((x) => `topic read ${x}`),
      ...t.publish.map((x) => `topic write ${x}`),
      '',
    );
  }
  return out.join('\n');
}
