// Device availability: devices publish retained `device/{id}/availability` (with a last will saying
// offline); the server tracks it for supervisors. Payloads are validated; unknown devices are ignored.
import type { z } from 'zod';
import { availabilityPayload as payload, topicParam } from '../protocol/mqtt';
import type { HallCore } from '../core/hall-core';
import type { AdapterBus } from '../adapters/context';
import type { DeviceStatus } from '../core/adapter-events';
import type { MqttBridge } from './bridge';

export type { DeviceStatus };

export class DeviceAvailability {
  readonly name = 'device-availability';
  private readonly status = new Map<string, DeviceStatus>();
  private stopSub: (() => void) | null = null;

  constructor(
    private readonly core: HallCore,
    private readonly bridge: MqttBridge,
    private readonly bus: AdapterBus,
    private readonly log: (msg: string) => void,
  ) {
    for (const d of core.config.devices) {
      this.status.set(d.id, {
        id: d.id,
        kind: d.kind,
        window: 'window' in d ? d.window : null,
        zone: d.kind === 'board' ? d.zone : null,
        state: 'unknown',
        since: null,
      });
    }
  }

  start(): void {
    const pattern = this.bridge.topics.any.deviceAvailability;
    this.stopSub = this.bridge.subscribe(pattern, (topic, raw) => {
      const id = topicParam(pattern, topic) ?? '';
      const current = this.status.get(id);
      if (!current) return this.log(`mqtt: availability from unknown device "${id.slice(0, 64)}" ignored`);
      let parsed: z.infer<typeof payload>;
      try {
        parsed = payload.parse(JSON.parse(raw.toString('utf8')));
      } catch {
        return this.log(`mqtt: malformed availability from ${id} ignored`);
      }
      if (parsed.state === current.state) return;
      const next = { ...current, state: parsed.state, since: new Date(this.core.clock()).toISOString() };
      this.status.set(id, next);
      this.bus.emit({ type: 'device.availability', payload: next });
    });
  }

  stop(): void {
    this.stopSub?.();
  }

  list(): DeviceStatus[] {
    return [...this.status.values()];
  }
}
