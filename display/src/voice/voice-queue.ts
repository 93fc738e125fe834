// Announcements in call order, one at a time, so they never overlap and none is dropped. Each takes its
// turn: the server-made audio (chime and voice in one file) played `repeat` times; where a call has no
// audio or it fails, a chime and the browser's speech (or the text alone) as the last resort. When the
// browser blocks sound, the call still gets its turn on screen for as long as it would have sounded.
import { PlaybackError, type AudioPlayer, type PlaybackFailure } from './audio-player';

export interface Announcement {
  text: string;
  spoken: string;
  recall: boolean;
  /** The server's audio for it (DESIGN.md §6 Voice), when it has one. */
  audio?: { url: string; durationMs: number } | null;
}

export interface Speaker {
  readonly mode: 'speech' | 'text';
  speak(text: string): Promise<void>;
}

export interface VoiceLogEntry {
  text: string;
  recall: boolean;
  /** audio: the server's audio played; blocked: shown, not heard; speech/text: the fallbacks. */
  mode: Speaker['mode'] | 'audio' | 'blocked';
  url?: string;
  startedAt: number;
  endedAt: number;
}

/** What the board reports (server/protocol/socket.ts VoiceState). */
export type VoiceStatus = 'ready' | 'speaking' | PlaybackFailure;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class VoiceQueue {
  private readonly queue: Announcement[] = [];
  private running = false;
  readonly log: VoiceLogEntry[] = [];
  /** Last playback failure, until a play succeeds again. */
  private failure: PlaybackFailure | null = null;

  constructor(
    private readonly speaker: Speaker,
    private readonly chime: () => Promise<void>,
    private readonly repeat: () => number,
    private readonly onSpeaking: (a: Announcement | null) => void = () => {},
    private readonly player: AudioPlayer | null = null,
    private readonly onStatus: (s: VoiceStatus, detail?: string) => void = () => {},
  ) {}

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** The sound is allowed again (a touch): the next announcement tries to play. */
  unblock(): void {
    if (this.failure === 'blocked') this.failure = null;
    if (!this.running) this.onStatus('ready');
  }

  enqueue(a: Announcement): void {
    this.queue.push(a);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let a = this.queue.shift(); a; a = this.queue.shift()) {
        const startedAt = performance.now();
        this.onSpeaking(a);
        let mode: VoiceLogEntry['mode'] = this.speaker.mode;
        try {
          mode = await this.announce(a);
        } catch (e) {
          console.warn('announcement failed', e);
        }
        this.log.push({
          text: a.text,
          recall: a.recall,
          mode,
          ...(a.audio ? { url: a.audio.url } : {}),
          startedAt,
          endedAt: performance.now(),
        });
        console.info(`[叫号] ${a.text}${a.recall ? '（重呼）' : ''} · ${mode}`);
      }
    } finally {
      this.running = false;
      this.onSpeaking(null);
      if (!this.failure) this.onStatus('ready');
    }
  }

  private async announce(a: Announcement): Promise<VoiceLogEntry['mode']> {
    const times = Math.max(1, this.repeat());
    if (a.audio && this.player) {
      try {
        for (let i = 0; i < times; i++)
          await this.player.play(a.audio.url, a.audio.durationMs, () => this.onStatus('speaking'));
        this.failure = null;
        return 'audio';
      } catch (e) {
        const kind = e instanceof PlaybackError ? e.kind : 'failed';
        this.failure = kind;
        this.onStatus(kind, (e as Error).message);
        // Blocked: the speech would be blocked too; keep the call's turn on screen for its length.
        if (kind === 'blocked') {
          await sleep((a.audio.durationMs * times) / (this.player.rate ?? 1));
          return 'blocked';
        }
      }
    }
    await this.chime();
    for (let i = 0; i < times; i++) await this.speaker.speak(a.spoken);
    return this.speaker.mode;
  }
}
