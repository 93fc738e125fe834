// Events the adapters raise about the hall's devices and links. They travel on the core's typed event bus
// (core/events.ts) beside its own events, so an adapter listens to another adapter the way it listens to
// the core: `bus.on('printer.changed', …)`, with no private listener sets and no wiring in the
// composition root. An adapter may emit only these (AdapterBus in adapters/context.ts); commands make the rest.
import type { DeviceConfig } from '../config/schema';
import type { DeviceHealthView, PrinterView } from '../protocol/socket';

/** A device's MQTT availability as its retained `device/{id}/availability` says. */
export interface DeviceStatus {
  id: string;
  kind: DeviceConfig['kind'];
  window: number | null;
  zone: string | null;
  state: 'online' | 'offline' | 'unknown';
  since: string | null;
}

export interface AdapterEvents {
  /** A kiosk printer's state changed (paper out, cover open, back online). */
  'printer.changed': PrinterView;
  /** A device's MQTT availability changed. */
  'device.availability': DeviceStatus;
  /** A device's health as the dashboard shows it changed (any of its links, its sound). */
  'device.changed': DeviceHealthView;
  /** The upstream sender's state changed (a batch refused, sending again). */
  'upstream.changed': Record<string, never>;
}

export type AdapterEventName = keyof AdapterEvents;
export type AdapterEvent = { [K in AdapterEventName]: { type: K; payload: AdapterEvents[K] } }[AdapterEventName];
