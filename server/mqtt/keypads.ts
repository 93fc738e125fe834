// Hardware caller keypads (呼叫器) over MQTT: `keypad/{windowNo}/command` → the same window commands as
// the console, answered on `keypad/{windowNo}/result`. The requestId is the idempotency key, so a keypad
// retrying after a lost answer gets the first answer again. A malformed payload gets an error result and
// changes nothing.
import { requireWindowActor } from '../auth/policy';
import { WINDOW_COMMANDS, type WindowAction } from '../core/commands';
import type { HallCore } from '../core/hall-core';
import { HallError, isHallError } from '../domain/errors';
import { keypadCommandPayload, type KeypadResultPayload } from '../protocol/mqtt';
import type { MqttBridge } from './bridge';

const ACTIONS: Record<string, WindowAction> = {
  next: 'call-next',
  recall: 'recall',
  skip: 'skip',
  finish: 'finish',
  hold: 'hold',
  pause: 'pause',
  resume: 'resume',
};

export class MqttKeypads {
  private stopSub: (() => void) | null = null;

  constructor(
    private readonly core: HallCore,
    private readonly bridge: MqttBridge,
    private readonly log: (msg: string) => void,
  ) {}

  start(): void {
    this.stopSub = this.bridge.subscribe(`${this.bridge.base}/keypad/+/command`, (topic, raw) =>
      this.handle(topic, raw),
    );
  }

  stop(): void {
    this.stopSub?.();
  }

  handle(topic: string, raw: Buffer): void {
    const part = topic.split('/').at(-2) ?? '';
    const windowNo = /^\d{1,4}$/.test(part) ? Number(part) : NaN;
    if (!this.core.model.windows.has(windowNo))
      return this.log(`mqtt: keypad command for unknown window "${part.slice(0, 16)}" ignored`);
    const reply = (r: KeypadResultPayload) =>
      this.bridge.publish(`${this.bridge.base}/keypad/${windowNo}/result`, r, false);

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      this.log(`mqtt: keypad ${windowNo} sent a payload that is not JSON`);
      return reply({ requestId: null, ok: false, error: { code: 'VALIDATION', message: '命令格式错误：不是 JSON' } });
    }
    const parsed = keypadCommandPayload.safeParse(json);
    if (!parsed.success) {
      const requestId =
        typeof (json as { requestId?: unknown })?.requestId === 'string'
          ? String((json as { requestId: string }).requestId).slice(0, 64)
          : null;
      this.log(`mqtt: keypad ${windowNo} sent a malformed command`);
      return reply({ requestId, ok: false, error: { code: 'VALIDATION', message: '命令格式错误' } });
    }
    const cmd = parsed.data;
    const keypad = this.core.config.devices.find((d) => d.kind === 'keypad' && d.window === windowNo);
    try {
      if (!keypad) throw new HallError('FORBIDDEN', `${windowNo} 号窗口没有配置呼叫器`);
      const principal = { kind: 'device' as const, deviceId: keypad.id, device: keypad };
      requireWindowActor(principal, windowNo, ACTIONS[cmd.action]!);
      const ticket = this.core.run(
        WINDOW_COMMANDS[ACTIONS[cmd.action]!],
        { window: windowNo, ...(cmd.action === 'pause' ? { reason: cmd.reason ?? '暂停服务' } : {}) },
        `device:${keypad.id}`,
        cmd.requestId,
      );
      reply({ requestId: cmd.requestId, ok: true, ticket: ticket?.number ?? null });
    } catch (e) {
      if (!isHallError(e)) this.log(`mqtt: keypad ${windowNo} command failed: ${(e as Error).message}`);
      const err = isHallError(e) ? e : new HallError('INTERNAL', '服务器内部错误');
      reply({ requestId: cmd.requestId, ok: false, error: { code: err.code, message: err.message } });
    }
  }
}
