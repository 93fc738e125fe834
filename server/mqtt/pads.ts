// Hardware evaluation pads (评价器) over MQTT: a retained `pad/{windowNo}/prompt` (idle, serving, or
// evaluate with the evaluation id), answers on `pad/{windowNo}/evaluation`, results on
// `pad/{windowNo}/result`. A pad rates only its own window's visits (the broker's ACL keeps it to its own
// topics); a malformed payload gets an error.
import type { HallCore } from '../core/hall-core';
import { fromPadScore } from '../domain/evaluation';
import { padEvaluationPayload, type PadResultPayload } from '../protocol/mqtt';
import type { MqttBridge } from './bridge';
import { handleMqttCommand, idField } from './inbound';

export class MqttPads {
  private readonly stops: (() => void)[] = [];
  /** Only windows with a hardware pad in the config get a retained prompt (every call changes it). */
  private readonly padWindows: ReadonlySet<number>;

  constructor(
    private readonly core: HallCore,
    private readonly bridge: MqttBridge,
    private readonly log: (msg: string) => void,
  ) {
    this.padWindows = new Set(core.config.devices.flatMap((d) => (d.kind === 'pad' ? [d.window] : [])));
  }

  start(): void {
    const bus = this.core.bus;
    this.stops.push(
      this.bridge.onConnect(() => this.publishAll()),
      bus.on('window.changed', ({ window }) => this.publish(window.no)),
      bus.on('evaluation.changed', ({ evaluation }) => this.publish(evaluation.windowNo)),
      this.evaluations(),
    );
  }

  /** A pad's answer: the visit's evaluation, rated as the window's own pad (mqtt/inbound.ts's shape). */
  private evaluations(): () => void {
    const core = this.core;
    return handleMqttCommand(core, this.bridge, this.log, {
      what: 'pad',
      pattern: this.bridge.topics.any.padEvaluation,
      resultTopic: (no) => this.bridge.topics.padResult(no),
      owner: 'pad',
      schema: padEvaluationPayload,
      idOf: idField('evaluationId'),
      text: {
        notJson: '评价格式错误：不是 JSON',
        malformed: '评价格式错误（score 应为 1–5 的整数）',
        noDevice: (no) => `${no} 号窗口没有配置评价器`,
      },
      run: (a, { windowNo, device }): PadResultPayload => {
        core.run(
          'submitEvaluation',
          {
            id: a.evaluationId,
            answer: { level: fromPadScore(a.score), reasons: a.reasons, comment: a.comment ?? null },
            by: { deviceId: device.id, windowNo, channel: 'hardware_pad' },
          },
          `device:${device.id}`,
        );
        return { evaluationId: a.evaluationId, ok: true };
      },
      failed: (evaluationId, error): PadResultPayload => ({ evaluationId, ok: false, error }),
    });
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }

  publishAll(): void {
    for (const no of this.padWindows) this.publish(no);
  }

  private publish(no: number): void {
    if (!this.padWindows.has(no)) return;
    this.bridge.publish(this.bridge.topics.padPrompt(no), this.core.query.padPrompt(no), true);
  }
}
