// Server-side playback (voice.output): every announcement on the server PC's own sound card, for halls
// whose speakers hang on the server or an amplifier. One at a time, in call order, each repeated; the
// player is any command that plays a WAV file (aplay, paplay, ffplay -nodisp -autoexit…), so it is
// swappable, and a player that hangs is stopped after the announcement's length plus a margin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface OutputCommand {
  command: string;
  args: string[];
}

export interface Playback {
  /** The audio, fetched when its turn comes (it may still be being made). */
  wav: () => Promise<Buffer | null>;
  durationMs: number;
  label: string;
}

export class AudioOutput {
  private readonly queue: Playback[] = [];
  private running = false;
  private stopped = false;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'hall-voice-'));
  private n = 0;

  constructor(
    private readonly player: OutputCommand,
    private readonly repeat: () => number,
    private readonly log: (msg: string, e?: unknown) => void = () => {},
  ) {}

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  enqueue(p: Playback): void {
    if (this.stopped) return;
    this.queue.push(p);
    if (!this.running) void this.drain();
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let p = this.queue.shift(); p && !this.stopped; p = this.queue.shift()) {
        try {
          const wav = await p.wav();
          if (!wav) throw new Error('no audio');
          const file = path.join(this.dir, `${++this.n}.wav`);
          writeFileSync(file, wav);
          for (let i = 0; i < Math.max(1, this.repeat()) && !this.stopped; i++) await this.play(file, p.durationMs);
          rmSync(file, { force: true });
        } catch (e) {
          this.log(`voice output: ${p.label} not played`, e);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private play(file: string, durationMs: number): Promise<void> {
    const hasSlot = this.player.args.some((a) => a.includes('{file}'));
    const args = hasSlot ? this.player.args.map((a) => a.replaceAll('{file}', file)) : [...this.player.args, file];
    return new Promise((resolve, reject) => {
      const child = spawn(this.player.command, args, { stdio: 'ignore' });
      const guard = setTimeout(() => child.kill('SIGKILL'), durationMs + 10_000);
      child.on('error', (e) => (clearTimeout(guard), reject(e)));
      child.on('exit', (code, signal) => {
        clearTimeout(guard);
        if (code === 0) resolve();
        else reject(new Error(`${this.player.command} ended with ${signal ?? code}`));
      });
    });
  }
}
