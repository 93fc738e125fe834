// The MQTT side of the hall as adapters: the bridge (the embedded broker or the link to an external one),
// and what rides on it: device availability, LED displays, keypads and pads. The riders come first in the
// list so their subscriptions exist when the bridge's link comes up; the bridge is stopped first, saying
// "offline" while the others still hold their topics.
import { named, type Adapter } from '../adapters/adapter';
import type { HallContext } from '../adapters/context';
import { DeviceAvailability } from './availability';
import { MqttBridge } from './bridge';
import { MqttDisplays } from './displays';
import { MqttKeypads } from './keypads';
import { MqttPads } from './pads';

export function mqttAdapters(ctx: HallContext): { bridge: MqttBridge; devices: DeviceAvailability; list: Adapter[] } {
  const { core, staff, config, log } = ctx;
  const bridge = new MqttBridge(core, staff, config.mqtt, log, ctx.tls);
  const devices = new DeviceAvailability(core, bridge, ctx.bus, log);
  return {
    bridge,
    devices,
    list: [
      named('mqtt-displays', new MqttDisplays(core, bridge)),
      devices,
      named('mqtt-keypads', new MqttKeypads(core, bridge, log)),
      named('mqtt-pads', new MqttPads(core, bridge, log)),
      named('mqtt-bridge', bridge),
    ],
  };
}
