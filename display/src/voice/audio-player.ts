// Plays the server-made announcement audio (DESIGN.md §6 Voice) with one <audio> element, served from
// the hall server itself (same origin, so a strict Content-Security-Policy allows it). A failure says
// why: the browser blocks sound until a touch (blocked), the page has no way to sound (no-audio), or
// the audio could not be fetched or decoded (failed).
export type PlaybackFailure = 'blocked' | 'no-audio' | 'failed';

export class PlaybackError extends Error {
  constructor(
    readonly kind: PlaybackFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface AudioPlayer {
  /** Playback speed (1 on a board). */
  readonly rate?: number;
  /** Resolves when the audio has played to its end; `onStarted` once it is sounding. */
  play(url: string, durationMs: number, onStarted?: () => void): Promise<void>;
}

export class MediaElementPlayer implements AudioPlayer {
  private readonly el = new Audio();

  /** `rate` above 1 speeds playback up (tests); the board plays at 1. */
  constructor(readonly rate = 1) {
    this.el.preload = 'auto';
  }

  play(url: string, durationMs: number, onStarted?: () => void): Promise<void> {
    const el = this.el;
    return new Promise<void>((resolve, reject) => {
      let guard: ReturnType<typeof setTimeout> | undefined;
      const done = (e?: PlaybackError) => {
        clearTimeout(guard);
        el.onended = el.onerror = null;
        if (e) reject(e);
        else resolve();
      };
      el.onended = () => done();
      el.onerror = () => {
        const code = el.error?.code;
        // 4 = MEDIA_ERR_SRC_NOT_SUPPORTED, also what a 404 or 401 turns into: the audio is not there.
        done(new PlaybackError('failed', `audio error ${code ?? '?'}: ${el.error?.message ?? ''}`));
      };
      el.src = url;
      el.playbackRate = this.rate;
      el.play().then(
        // A player that never reports the end must not hold the queue: its length plus a margin.
        () => {
          onStarted?.();
          guard = setTimeout(() => done(), durationMs / this.rate + 3000);
        },
        (e: DOMException) => {
          if (e.name === 'NotAllowedError') done(new PlaybackError('blocked', e.message));
          else if (e.name === 'NotSupportedError') done(new PlaybackError('no-audio', e.message));
          else if (e.name !== 'AbortError') done(new PlaybackError('failed', `${e.name}: ${e.message}`));
        },
      );
    });
  }
}
