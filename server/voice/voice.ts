// The voice adapter (DESIGN.md §6 Voice): loads the hall's voice pack, gives every call its audio (the
// hall core asks at call time), serves that audio, and plays it on the server's sound card when
// `voice.output` is set. start()/stop() like every adapter; a missing or broken pack is logged and calls
// go out with `audio: null` (boards then fall back to the browser's speech) rather than stopping the hall.
import type { NextFunction, Request, Response } from 'express';
import path from 'node:path';
import type { HallContext } from '../adapters/context';
import type { HallConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import { HallError } from '../domain/errors';
import { bearer } from '../http/handler';
import { VoiceAnnouncer } from './announcer';
import { AudioCache } from './cache';
import { EspeakEngine, type SpeechEngine } from './engine';
import { AudioOutput } from './output';
import { loadPack, packDir } from './pack';
import { AudioUrls } from './signed-url';

export interface VoiceOptions {
  /** Where a relative `voice.pack` path is looked for (the config file's folder). */
  baseDir?: string;
  /** Replaces eSpeak (tests); null: no engine. */
  engine?: SpeechEngine | null;
}

type VoiceConfig = HallConfig['voice'];

export class Voice {
  readonly name = 'voice';
  announcer: VoiceAnnouncer | null = null;
  cache!: AudioCache;
  output: AudioOutput | null = null;
  private urls!: AudioUrls;
  private engine: SpeechEngine | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly core: HallCore,
    private readonly staff: StaffAccess,
    private readonly dataDir: string,
    private readonly secret: Buffer,
    private readonly log: (msg: string, e?: unknown) => void,
    private readonly opts: VoiceOptions = {},
  ) {
    this.build(core.config.voice);
  }

  /** Pack, cache, engine and sound card from one voice configuration. */
  private build(cfg: VoiceConfig): void {
    const { core, log, opts } = this;
    this.urls = new AudioUrls(this.secret, cfg.urlTtlSec, core.clock);
    this.cache = new AudioCache(path.join(this.dataDir, 'voice-cache'), cfg.cacheMb * 2 ** 20, 64, log);
    this.engine =
      opts.engine !== undefined ? opts.engine : cfg.engine === 'espeak' ? new EspeakEngine('cmn', 15_000, log) : null;
    this.announcer = null;
    this.output = null;
    try {
      const pack = loadPack(packDir(cfg.pack, opts.baseDir));
      this.announcer = new VoiceAnnouncer(
        pack,
        this.cache,
        this.engine,
        () => core.config.display.announcement,
        (key) => this.urls.url(key),
        log,
      );
    } catch (e) {
      log(`voice: pack "${cfg.pack}" not loaded, calls carry no audio`, e);
    }
    if (cfg.output && this.announcer)
      this.output = new AudioOutput(cfg.output, () => cfg.output?.repeat ?? core.config.display.repeat, log);
  }

  start(): void {
    const a = this.announcer;
    if (!a) return;
    this.core.callAudio = (c) => a.audioFor(c);
    if (this.output) {
      const out = this.output;
      this.unsubscribe = this.core.bus.on('call', (call) => {
        const key = call.audio && keyOf(call.audio.url);
        if (!key) return;
        out.enqueue({ wav: () => a.wav(key), durationMs: call.audio!.durationMs, label: call.announcement });
      });
    }
    // Window names the pack cannot say are made now, so no call waits for the engine.
    const texts = [...this.core.model.windows.values()].flatMap((w) =>
      a.textsFor({ ticket: 'A001', windowNo: w.no, windowName: w.name }),
    );
    if (texts.length) void a.warm([...new Set(texts)]);
  }

  stop(): void {
    this.halt(true);
  }

  /** Another pack, engine, cache size, URL lifetime or sound card while the hall runs (live settings). */
  restart(cfg: VoiceConfig): void {
    // An engine handed in by the caller (tests) is reused by the next build: it is not stopped here.
    this.halt(this.opts.engine === undefined);
    this.build(cfg);
    this.start();
  }

  private halt(stopEngine: boolean): void {
    if (this.core.callAudio) this.core.callAudio = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.output?.stop();
    if (stopEngine) this.engine?.stop();
  }

  /** GET /api/voice/:key.wav — with the signed query from the call event, or any staff or device token. */
  readonly route = (req: Request, res: Response, next: NextFunction): void => {
    const m = /^([0-9a-f]{32})\.wav$/.exec(String(req.params.file));
    if (!m) return next(new HallError('NOT_FOUND', '没有这段语音'));
    const key = m[1]!;
    const signed = this.urls.valid(key, req.query.exp, req.query.sig);
    if (!signed && !this.staff.authenticate(bearer(req)))
      return next(new HallError('UNAUTHORIZED', '语音地址已过期或未登录'));
    const wav = this.announcer?.wav(key) ?? Promise.resolve(null);
    wav.then(
      (b) => {
        if (!b) return next(new HallError('NOT_FOUND', '没有这段语音'));
        res
          .status(200)
          .set({ 'content-type': 'audio/wav', 'cache-control': 'private, max-age=3600', 'accept-ranges': 'none' })
          .end(b);
      },
      (e) => next(e),
    );
  };
}

/** The cache key inside an audio URL. */
export const keyOf = (url: string): string | null => /\/api\/voice\/([0-9a-f]{32})\.wav/.exec(url)?.[1] ?? null;

/** The voice adapter as the composition root makes it. */
export const voiceAdapter = (ctx: HallContext): Voice =>
  new Voice(ctx.core, ctx.staff, ctx.dataDir, ctx.secret, ctx.log, {
    baseDir: ctx.opts.configDir,
    engine: ctx.opts.speechEngine,
  });
