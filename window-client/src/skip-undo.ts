// 过号 waits a few seconds with an undo, since a no-show is final for the visitor: a mistaken K would send
// someone standing at the counter back to the kiosk. Any other action sends the pending skip first. The
// 未到 answer to 叫号's question (过号 and call the next visitor, one command) waits here the same way.
import type { ReactiveControllerHost } from 'lit';
import type { Command } from './console-actions';

/** A 过号 waiting for its undo time: the ticket, the seconds left, and the command that records it. */
export interface PendingSkip {
  number: string;
  left: number;
  /** Set when the 过号 goes with a 叫号 (the 未到 answer): this command is sent instead of a plain skip. */
  command?: Command;
}

/** A pressed 过号 can be undone this long before it is sent. */
export const SKIP_UNDO_MS = 5000;

export class SkipUndo {
  /** The ticket about to be skipped and the seconds left to undo it. */
  pending: PendingSkip | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Sends the 过号 (when the time is up, or when another action comes first). */
    private readonly send: (skip: PendingSkip) => void,
  ) {}

  /**
   * Starts the countdown for this ticket (a second press while one is pending does nothing); `command`, when
   * given, is what is sent when the time is up instead of a plain 过号.
   */
  start(number: string, command?: Command): void {
    if (this.pending) return;
    const until = Date.now() + SKIP_UNDO_MS;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) return this.flush();
      this.pending = { number, left, ...(command ? { command } : {}) };
      this.timer = setTimeout(tick, 250);
      this.host.requestUpdate();
    };
    tick();
  }

  /** Sends the pending skip now; true when there was one. */
  flush(): boolean {
    const skip = this.pending;
    if (!skip) return false;
    this.clear();
    this.send(skip);
    return true;
  }

  /** Takes the pending skip back; returns its ticket number. */
  undo(): string | null {
    const number = this.pending?.number ?? null;
    this.clear();
    return number;
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.pending = null;
    this.host.requestUpdate();
  }
}
