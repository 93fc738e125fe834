// The pad's live state over socket.io /pad (its window, the clerk on duty and the prompt), reconnecting
// by itself, and its one command: the visitor's answer.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { postJson } from '../shared/device-api';
import { deviceSocket, type LiveSocket } from '../shared/device-socket';
import type { Level } from '../../../server/domain/evaluation';
import type { PadState, PublicWindowView } from '../../../server/protocol/socket';
import type { PadPrompt } from '../../../server/protocol/views';

export class PadController implements ReactiveController {
  state: PadState | null = null;
  online = false;
  refused: string | null = null;
  private socket: LiveSocket<'/pad'> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { promptChanged(p: PadPrompt): void },
    private readonly token: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = deviceSocket('/pad', { token: this.token }, (online, refused) => this.set(online, refused));
    this.socket = s;
    s.on('state', (st: PadState) => {
      this.state = st;
      this.host.promptChanged(st.prompt);
      this.host.requestUpdate();
    });
    s.on('window', (window: PublicWindowView) => {
      if (this.state) this.state = { ...this.state, window };
      this.host.requestUpdate();
    });
    s.on('prompt', (prompt: PadPrompt) => {
      if (!this.state) return;
      this.state = { ...this.state, prompt };
      this.host.promptChanged(prompt);
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  async submit(evaluationId: string, level: Level, reasons: string[], comment: string): Promise<void> {
    const body = { level, reasons, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    await postJson(`/api/evaluations/${encodeURIComponent(evaluationId)}`, this.token, body);
  }

  /** The tapped level, kept by the server before the answer is complete. */
  async choose(evaluationId: string, level: Level): Promise<void> {
    await postJson(`/api/evaluations/${encodeURIComponent(evaluationId)}/choice`, this.token, { level });
  }

  private set(online: boolean, refused: string | null): void {
    this.online = online;
    this.refused = refused;
    this.host.requestUpdate();
  }
}
