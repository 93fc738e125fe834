// The offline speech engine for text a voice pack has no clips for (a window's name): eSpeak NG in a
// child process (espeak-worker.mjs). eSpeak is GPL-3.0 and this server is Apache-2.0, so it is never
// loaded into this process; we only read the WAV it writes. The worker starts on first use, is reused,
// and is started again if it dies; a request that takes too long fails instead of waiting forever.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../paths';
import { decodeWav, resample, type Pcm } from './wav';

export interface SpeechEngine {
  /** The text spoken, at `sampleRate`. */
  speak(text: string, sampleRate: number): Promise<Pcm>;
  stop(): void;
}

export const ESPEAK_WORKER = path.join(PROJECT_ROOT, 'server', 'voice', 'espeak-worker.mjs');

export class EspeakEngine implements SpeechEngine {
  private child: ChildProcessWithoutNullStreams | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly voice = 'cmn',
    private readonly timeoutMs = 15_000,
    private readonly log: (msg: string, e?: unknown) => void = () => {},
  ) {}

  async speak(text: string, sampleRate: number): Promise<Pcm> {
    const wav = await this.request(text);
    return resample(decodeWav(wav), sampleRate);
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
  }

  private request(text: string): Promise<Buffer> {
    const child = this.worker();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`speech engine took over ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiting.set(id, {
        resolve: (b) => (clearTimeout(timer), resolve(b)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      child.stdin.write(`${JSON.stringify({ id, text, voice: this.voice })}\n`);
    });
  }

  private worker(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn(process.execPath, [ESPEAK_WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr.on('data', (d: Buffer) => this.log(`speech engine: ${d.toString().trim()}`));
    child.on('error', (e) => this.failAll(e));
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      this.failAll(new Error(`speech engine exited (${code})`));
    });
    child.unref();
    child.stdin.on('error', () => {});
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg: { id?: number; wav?: string; error?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      const w = msg.id !== undefined ? this.waiting.get(msg.id) : undefined;
      if (!w) return;
      this.waiting.delete(msg.id!);
      if (msg.wav) w.resolve(Buffer.from(msg.wav, 'base64'));
      else w.reject(new Error(msg.error ?? 'speech engine failed'));
    });
    return child;
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
