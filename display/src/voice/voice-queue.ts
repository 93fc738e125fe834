// Announcements in call order: a chime, then the spoken text, repeated; one at a time, so they never
// overlap and none is dropped. The speaker and chime are injected (speech synthesis, or text only).
export interface Announcement {
  text: string;
  spoken: string;
  recall: boolean;
}

export interface Speaker {
  readonly mode: 'speech' | 'text';
  speak(text: string): Promise<void>;
}

export interface VoiceLogEntry {
  text: string;
  recall: boolean;
  mode: Speaker['mode'];
  startedAt: number;
  endedAt: number;
}

export class VoiceQueue {
  private readonly queue: Announcement[] = [];
  private running = false;
  readonly log: VoiceLogEntry[] = [];

  constructor(
    private readonly speaker: Speaker,
    private readonly chime: () => Promise<void>,
    private readonly repeat: () => number,
    private readonly onSpeaking: (a: Announcement | null) => void = () => {},
  ) {}

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
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
        try {
          await this.chime();
          for (let i = 0; i < Math.max(1, this.repeat()); i++) await this.speaker.speak(a.spoken);
        } catch (e) {
          console.warn('announcement failed', e);
        }
        this.log.push({
          text: a.text,
          recall: a.recall,
          mode: this.speaker.mode,
          startedAt,
          endedAt: performance.now(),
        });
        console.info(`[叫号] ${a.text}${a.recall ? '（重呼）' : ''}`);
      }
    } finally {
      this.running = false;
      this.onSpeaking(null);
    }
  }
}
