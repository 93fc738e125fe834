// `voice`: the hall's voice pack, the speech engine for what the pack cannot say, the audio cache and
// playback on the server's own sound card (README "Voice").
import { z } from 'zod';

/** Server-made voice (server/voice/): the pack, its cache, and optional playback on the server's sound card. */
export const voiceSchema = z.strictObject({
  /** A folder of voice-packs/ (`default`, made with eSpeak NG) or a path to a hall's own pack. */
  pack: z.string().min(1).max(500).default('default'),
  /** Text the pack has no clips for (a window's name) is said by eSpeak NG in a child process; `none` skips it. */
  engine: z.enum(['espeak', 'none']).default('espeak'),
  /** Disk kept for announcement audio in the data directory (least recently used goes first). */
  cacheMb: z.number().int().min(1).max(10_000).default(400),
  /** How long an announcement's signed audio address stays valid. */
  urlTtlSec: z.number().int().min(30).max(86_400).default(900),
  /** Plays every announcement on the server's own sound card, in call order: a command given the WAV file. */
  output: z
    .strictObject({
      command: z.string().min(1).max(500),
      /** `{file}` is replaced by the WAV's path; without it the path is the last argument. */
      args: z.array(z.string().max(500)).max(20).default([]),
      /** Times each announcement is played (default: display.repeat). */
      repeat: z.number().int().min(1).max(5).optional(),
    })
    .optional(),
});
