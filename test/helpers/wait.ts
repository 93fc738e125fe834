// Waiting and cleaning up in tests that start servers, brokers and clients.
import { afterEach } from 'vitest';
import type { HallServer } from '../../server/app';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns something truthy, or fails naming what it waited for. */
export async function until<T>(fn: () => T | Promise<T>, what: string, ms = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export async function mqttConnected(s: HallServer): Promise<void> {
  await until(() => s.mqtt.status().connected, 'the server’s MQTT connection');
}

/** Registers an afterEach that runs the pushed clean-ups in reverse order; returns the push. */
export function useCleanup(): (fn: () => Promise<unknown> | unknown) => void {
  let list: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const c of list.reverse()) await Promise.resolve(c()).catch(() => {});
    list = [];
  });
  return (fn) => void list.push(fn);
}
