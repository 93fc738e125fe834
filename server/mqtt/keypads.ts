// Hardware caller keypads (呼叫器) over MQTT: `keypad/{windowNo}/command` → the same window commands as
// the console, answered on `keypad/{windowNo}/result`. The requestId is the idempotency key, so a keypad
// retrying after a lost answer gets the first answer again. Only the window's own keypad can publish on its
// command topic (the broker's ACL); the command shape is mqtt/inbound.ts's.
import { WINDOW_COMMANDS, type WindowAction } from '../core/commands';
import type { HallCore } from '../core/hall-core';
import { keypadCommandPayload, type KeypadAction, type KeypadResultPayload } from '../protocol/mqtt';
import type { MqttBridge } from './bridge';
import { handleMqttCommand, idField } from './inbound';

/** A keypad's keys as window actions: exactly the keypad's rights (auth/policy.ts KEYPAD_ACTIONS). */
const ACTIONS: Record<KeypadAction, WindowAction> = {
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
    const core = this.core;
    this.stopSub = handleMqttCommand(core, this.bridge, this.log, {
      what: 'keypad',
      pattern: this.bridge.topics.any.keypadCommand,
      resultTopic: (no) => this.bridge.topics.keypadResult(no),
      owner: 'keypad',
      schema: keypadCommandPayload,
      idOf: idField('requestId'),
      text: {
        notJson: '命令格式错误：不是 JSON',
        malformed: '命令格式错误',
        noDevice: (no) => `${no} 号窗口没有配置呼叫器`,
      },
      run: (cmd, { windowNo, device }): KeypadResultPayload => {
        const ticket = core.run(
          WINDOW_COMMANDS[ACTIONS[cmd.action]],
          { window: windowNo, ...(cmd.action === 'pause' ? { reason: cmd.reason ?? '暂停服务' } : {}) },
          `device:${device.id}`,
          cmd.requestId,
        );
        return { requestId: cmd.requestId, ok: true, ticket: ticket?.number ?? null };
      },
      failed: (requestId, error): KeypadResultPayload => ({ requestId, ok: false, error }),
    });
  }

  stop(): void {
    this.stopSub?.();
  }
}
