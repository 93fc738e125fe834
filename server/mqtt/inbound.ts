// Every MQTT command has one shape, as every HTTP route has (http/handler.ts makeRoute): the topic's window →
// parse → validate → the device that owns the topic → run → an answer on the result topic. A malformed payload
// gets an error answer (with its id when one can be read) and changes nothing.
//
// Who may publish on a window's command topic is the broker's ACL (mqtt/acl.ts, enforced by the embedded
// broker and by the generated mosquitto ACL): only that window's own device. So the device a command acts as
// is the one the config puts at the topic's window; nothing here trusts anything the payload says about it.
import type { z } from 'zod';
import type { DeviceConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import { HallError, isHallError } from '../domain/errors';
import { topicParam, windowNoOf } from '../protocol/mqtt';
import type { MqttBridge } from './bridge';

type WindowDevice = Extract<DeviceConfig, { kind: 'keypad' | 'pad' }>;

export interface MqttCommand<S extends z.ZodType, A> {
  /** For the log: `keypad`, `pad`. */
  what: string;
  /** The subscription, with the window number as its one `+` level (protocol/mqtt.ts `any`). */
  pattern: string;
  resultTopic: (windowNo: number) => string;
  /** The kind of device that owns a window's topics. */
  owner: WindowDevice['kind'];
  schema: S;
  /** The answer's id read from a payload, parsed or not (an error answer carries it when it can). */
  idOf: (payload: unknown) => string | null;
  text: { notJson: string; malformed: string; noDevice: (windowNo: number) => string };
  /** Runs the command as the device; returns the answer. A HallError becomes an error answer. */
  run: (cmd: z.output<S>, at: { windowNo: number; device: WindowDevice }) => A;
  failed: (id: string | null, error: { code: string; message: string }) => A;
}

/** A string id from a payload's field, cut to the longest id the schemas accept. */
export function idField(field: string): (payload: unknown) => string | null {
  return (payload) => {
    const v = (payload as Record<string, unknown> | null)?.[field];
    return typeof v === 'string' ? v.slice(0, 64) : null;
  };
}

/** Subscribes the command's handler; returns the unsubscribe. */
export function handleMqttCommand<S extends z.ZodType, A>(
  core: HallCore,
  bridge: MqttBridge,
  log: (msg: string) => void,
  c: MqttCommand<S, A>,
): () => void {
  return bridge.subscribe(c.pattern, (topic, raw) => {
    const level = topicParam(c.pattern, topic);
    const windowNo = windowNoOf(level);
    if (windowNo === null || !core.model.windows.has(windowNo))
      return log(`mqtt: ${c.what} message for unknown window "${(level ?? '').slice(0, 16)}" ignored`);
    const answer = (a: A) => bridge.publish(c.resultTopic(windowNo), a, false);

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      log(`mqtt: ${c.what} ${windowNo} sent a payload that is not JSON`);
      return answer(c.failed(null, { code: 'VALIDATION', message: c.text.notJson }));
    }
    const parsed = c.schema.safeParse(json);
    if (!parsed.success) {
      log(`mqtt: ${c.what} ${windowNo} sent a malformed payload`);
      return answer(c.failed(c.idOf(json), { code: 'VALIDATION', message: c.text.malformed }));
    }
    const cmd = parsed.data;
    try {
      const device = core.config.devices.find(
        (d): d is WindowDevice => d.kind === c.owner && 'window' in d && d.window === windowNo,
      );
      if (!device) throw new HallError('FORBIDDEN', c.text.noDevice(windowNo));
      answer(c.run(cmd, { windowNo, device }));
    } catch (e) {
      if (!isHallError(e)) log(`mqtt: ${c.what} ${windowNo} failed: ${(e as Error).message}`);
      const err = isHallError(e) ? e : new HallError('INTERNAL', '服务器内部错误');
      answer(c.failed(c.idOf(cmd), { code: err.code, message: err.message }));
    }
  });
}
