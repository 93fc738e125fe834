// LED strips and hall banners over MQTT: a retained `led/{windowNo}/display` per window and
// `banner/{zone}/display` per zone, republished in full after every broker (re)connect.
import type { HallCore } from '../core/hall-core';
import type { MqttBridge } from './bridge';
import { bannerLines, ledPayload } from './led-lines';

const BANNER_CALLS = 3;

export class MqttDisplays {
  private readonly stops: (() => void)[] = [];
  private readonly recent = new Map<string, string[]>();
  // Monotonic across restarts: a device keeps the highest seq it has seen and drops older messages.
  private seq = Date.now();

  constructor(
    private readonly core: HallCore,
    private readonly bridge: MqttBridge,
  ) {}

  start(): void {
    const bus = this.core.bus;
    this.stops.push(
      this.bridge.onConnect(() => this.publishAll()),
      bus.on('window.changed', ({ window }) => this.publishLed(window.no)),
      bus.on('call', (call) => {
        const zone = this.core.model.windows.get(call.windowNo)?.zone;
        if (!zone) return;
        this.recent.set(zone, [call.announcement, ...(this.recent.get(zone) ?? [])].slice(0, BANNER_CALLS));
        this.publishBanner(zone);
      }),
      bus.on('notice.changed', ({ zone }) =>
        (zone === null ? this.core.query.zones() : [zone]).forEach((z) => this.publishBanner(z)),
      ),
    );
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }

  publishAll(): void {
    for (const no of this.core.model.windows.keys()) this.publishLed(no);
    for (const zone of this.core.query.zones()) this.publishBanner(zone);
  }

  private publishLed(no: number): void {
    const payload = ledPayload(this.core.query.windowView(no), ++this.seq, new Date(this.core.clock()).toISOString());
    this.bridge.publish(`${this.bridge.base}/led/${no}/display`, payload, true);
  }

  private publishBanner(zone: string): void {
    const lines = bannerLines(this.recent.get(zone) ?? [], this.core.query.notice(zone), BANNER_CALLS);
    this.bridge.publish(
      `${this.bridge.base}/banner/${zone}/display`,
      { lines, seq: ++this.seq, at: new Date(this.core.clock()).toISOString() },
      true,
    );
  }
}
