// Device health for the dashboard: every configured device with how it last talked to the server.
// Pages (boards, tablet pads, kiosks) are seen through their socket.io connections, hardware (LED strips,
// key pads, hardware pads) through MQTT availability, printers through their DLE EOT status.
import { PRINTABLE } from '../protocol/printer-state';
import type { HallFacts } from '../domain/alert-rules';
import type { AdapterBus, HallContext } from '../adapters/context';
import type { HallCore } from '../core/hall-core';
import type { DeviceStatus } from '../mqtt/availability';
import { MUTE_STATES, type DeviceHealthView, type PrinterView, type VoiceReport } from '../protocol/socket';

interface Seen {
  state: 'online' | 'offline';
  since: number;
}

/** A board's sound: its last report, since when, and calls to its zone it could not sound since then. */
interface Heard extends VoiceReport {
  since: number;
  missedCalls: number;
}

export class DeviceHealth {
  readonly name = 'device-health';
  private readonly sockets = new Map<string, { count: number } & Seen>();
  private readonly voices = new Map<string, Heard>();
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly core: HallCore,
    private readonly bus: AdapterBus,
    private readonly printers: () => PrinterView[],
    private readonly mqtt: () => DeviceStatus[],
  ) {}

  start(): void {
    this.unsubscribe.push(
      this.bus.on('printer.changed', (p) => this.changed(p.id)),
      this.bus.on('device.availability', (d) => this.changed(d.id)),
      // A mute board misses the calls of its zone: the mute alert needs them.
      this.bus.on('call', (c) => this.call(this.core.model.windows.get(c.windowNo)?.zone ?? null)),
    );
  }

  stop(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  /** A device's page connected (true) or disconnected (false); a device may have several tabs open. */
  socket(deviceId: string, connected: boolean): void {
    const cur = this.sockets.get(deviceId) ?? { count: 0, state: 'offline' as const, since: 0 };
    const count = Math.max(0, cur.count + (connected ? 1 : -1));
    const state = count > 0 ? 'online' : 'offline';
    this.sockets.set(deviceId, { count, state, since: state === cur.state ? cur.since : this.core.clock() });
    if (state !== cur.state) this.changed(deviceId);
  }

  /** A board reported its sound (speaking, blocked by the browser…). */
  voice(deviceId: string, report: VoiceReport): void {
    const cur = this.voices.get(deviceId);
    if (cur?.state === report.state && cur.detail === report.detail) return;
    const wasMute = cur ? MUTE_STATES.includes(cur.state) : false;
    const mute = MUTE_STATES.includes(report.state);
    this.voices.set(deviceId, {
      ...report,
      // Speaking ↔ ready is one healthy stretch; blocked → failed one mute stretch: "since" keeps its start.
      since: cur && wasMute === mute ? cur.since : this.core.clock(),
      missedCalls: cur && wasMute && mute ? cur.missedCalls : 0,
    });
    this.changed(deviceId);
  }

  /** A call in a zone: every mute board showing that zone misses it (the mute alert needs calls). */
  call(zone: string | null): void {
    for (const d of this.core.config.devices) {
      if (d.kind !== 'board' || (zone !== null && d.zone !== zone)) continue;
      const v = this.voices.get(d.id);
      if (v && MUTE_STATES.includes(v.state)) v.missedCalls++;
    }
  }

  /** Tell the bus (the dashboard, the watch) about one device's new health. */
  changed(deviceId: string): void {
    const d = this.list().find((x) => x.id === deviceId);
    if (d) this.bus.emit({ type: 'device.changed', payload: d });
  }

  list(): DeviceHealthView[] {
    const printers = new Map(this.printers().map((p) => [p.id, p]));
    const mqtt = new Map(this.mqtt().map((d) => [d.id, d]));
    const iso = (ms: number) => new Date(ms).toISOString();
    return this.core.config.devices
      .filter((d) => d.kind !== 'booking')
      .map((d) => {
        const base = {
          id: d.id,
          kind: d.kind,
          window: 'window' in d ? d.window : null,
          zone: d.kind === 'board' ? d.zone : null,
        };
        const p = printers.get(d.id);
        if (p) {
          const state = p.state === 'offline' ? 'offline' : 'online';
          return {
            ...base,
            state,
            since: p.lastSeen,
            via: 'tcp',
            detail: p.message,
            printer: p.state,
          } as DeviceHealthView;
        }
        const s = this.sockets.get(d.id);
        const m = mqtt.get(d.id);
        const v = this.voices.get(d.id);
        const voice =
          d.kind === 'board' || d.kind === 'windowScreen'
            ? v
              ? { state: v.state, since: iso(v.since), detail: v.detail ?? null }
              : null
            : undefined;
        const link = { ...base, detail: null, printer: null, ...(voice !== undefined ? { voice } : {}) };
        // Whichever way the device talks now counts; a pad may be a tablet page or a hardware pad.
        if (m && m.state !== 'unknown' && s?.state !== 'online')
          return { ...link, state: m.state, since: m.since, via: 'mqtt' } as DeviceHealthView;
        return (
          s
            ? { ...link, state: s.state, since: iso(s.since), via: 'socket' }
            : { ...link, state: 'unknown', since: null, via: 'socket' }
        ) as DeviceHealthView;
      });
  }

  /** The watch's view: states with times, and printers that cannot print. */
  facts(): HallFacts['devices'] {
    return this.list().map((d) => ({
      id: d.id,
      kind: d.kind,
      state: d.state,
      since: d.since ? Date.parse(d.since) : null,
      fault: d.printer && !PRINTABLE.has(d.printer) ? { state: d.printer, message: d.detail ?? '' } : null,
      mute: this.muteOf(d),
    }));
  }

  /** A board online whose sound is off, since when and how many calls it missed since. */
  private muteOf(d: DeviceHealthView): HallFacts['devices'][number]['mute'] {
    const v = this.voices.get(d.id);
    if (d.state !== 'online' || !v || !MUTE_STATES.includes(v.state)) return null;
    return { state: v.state, since: v.since, missedCalls: v.missedCalls };
  }
}

/** Device health as the composition root makes it: printers from printing, MQTT devices from availability. */
export const deviceHealthAdapter = (
  ctx: HallContext,
  printing: { list(): PrinterView[] },
  devices: { list(): DeviceStatus[] },
): DeviceHealth =>
  new DeviceHealth(
    ctx.core,
    ctx.bus,
    () => printing.list(),
    () => devices.list(),
  );
