// The pad's live state over socket.io /pad (its window, the clerk on duty and the prompt), reconnecting
// by itself (the shared live-state controller; a refused token retried slowly), and its commands: the
// visitor's answer.
import type { ReactiveControllerHost } from 'lit';
import { postJson } from '../shared/device-api';
import { LiveState, REFUSED_RETRY } from '../shared/live-state';
import type { Level } from '../../../server/domain/evaluation';
import type { PadPrompt } from '../../../server/protocol/views';

export class PadController {
  private readonly live: LiveState<'/pad'>;

  constructor(
    host: ReactiveControllerHost & { promptChanged(p: PadPrompt): void },
    private readonly token: string,
  ) {
    this.live = new LiveState(host, {
      namespace: '/pad',
      auth: { token },
      retryRefused: REFUSED_RETRY,
      patch: {
        window: (st, window) => ({ ...st, window }),
        prompt: (st, prompt) => ({ ...st, prompt }),
      },
      listen: {
        state: (st) => host.promptChanged(st.prompt),
        prompt: (p) => host.promptChanged(p),
      },
    });
  }

  get state() {
    return this.live.state;
  }
  get online(): boolean {
    return this.live.connection === 'online';
  }
  get refused(): string | null {
    return this.live.refusal?.message ?? null;
  }

  async submit(evaluationId: string, level: Level, reasons: string[], comment: string): Promise<void> {
    const body = { level, reasons, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    await postJson(`/api/evaluations/${encodeURIComponent(evaluationId)}`, this.token, body);
  }

  /** The tapped level, kept by the server before the answer is complete. */
  async choose(evaluationId: string, level: Level): Promise<void> {
    await postJson(`/api/evaluations/${encodeURIComponent(evaluationId)}/choice`, this.token, { level });
  }
}
