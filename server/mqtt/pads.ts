// Hardware evaluation pads (评价器) over MQTT: a retained `pad/{windowNo}/prompt` (idle, serving, or
// evaluate with the evaluation id), answers on `pad/{windowNo}/evaluation`, results on
// `pad/{windowNo}/result`. A pad rates only its own window's visits; a malformed payload gets an error.
import type { HallCore } from '../core/hall-core';
import { fromPadScore } from '../domain/evaluation';
import { HallError, isHallError } from '../domain/errors';
import { padEvaluationPayload, type PadResultPayload } from '../protocol/mqtt';
import type { MqttBridge } from './bridge';

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
      this.bridge.subscribe(`${this.bridge.base}/pad/+/evaluation`, (topic, raw) => this.handle(topic, raw)),
    );
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }

  publishAll(): void {
    for (const no of this.padWindows) this.publish(no);
  }

  private publish(no: number): void {
    if (!this.padWindows.has(no)) return;
    this.bridge.publish(`${this.bridge.base}/pad/${no}/prompt`, this.core.query.padPrompt(no), true);
  }

  handle(topic: string, raw: Buffer): void {
    const part = topic.split('/').at(-2) ?? '';
    const windowNo = /^\d{1,4}$/.test(part) ? Number(part) : NaN;
    if (!this.core.model.windows.has(windowNo))
      return this.log(`mqtt: pad evaluation for unknown window "${part.slice(0, 16)}" ignored`);
    const reply = (r: PadResultPayload) => this.bridge.publish(`${this.bridge.base}/pad/${windowNo}/result`, r, false);

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      this.log(`mqtt: pad ${windowNo} sent a payload that is not JSON`);
      return reply({
        evaluationId: null,
        ok: false,
        error: { code: 'VALIDATION', message: '评价格式错误：不是 JSON' },
      });
    }
    const parsed = padEvaluationPayload.safeParse(json);
    if (!parsed.success) {
      const id = (json as { evaluationId?: unknown })?.evaluationId;
      this.log(`mqtt: pad ${windowNo} sent a malformed evaluation`);
      return reply({
        evaluationId: typeof id === 'string' ? id.slice(0, 64) : null,
        ok: false,
        error: { code: 'VALIDATION', message: '评价格式错误（score 应为 1–5 的整数）' },
      });
    }
    const a = parsed.data;
    const pad = this.core.config.devices.find((d) => d.kind === 'pad' && d.window === windowNo);
    try {
      if (!pad) throw new HallError('FORBIDDEN', `${windowNo} 号窗口没有配置评价器`);
      this.core.run(
        'submitEvaluation',
        {
          id: a.evaluationId,
          answer: { level: fromPadScore(a.score), reasons: a.reasons, comment: a.comment ?? null },
          by: { deviceId: pad.id, windowNo, channel: 'hardware_pad' },
        },
        `device:${pad.id}`,
      );
      reply({ evaluationId: a.evaluationId, ok: true });
    } catch (e) {
      if (!isHallError(e)) this.log(`mqtt: pad ${windowNo} evaluation failed: ${(e as Error).message}`);
      const err = isHallError(e) ? e : new HallError('INTERNAL', '服务器内部错误');
      reply({ evaluationId: a.evaluationId, ok: false, error: { code: err.code, message: err.message } });
    }
  }
}
