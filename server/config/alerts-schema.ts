// The supervisor's alert limits in the hall config (`alerts`, server/domain/alert-rules.ts), read live by the
// hall watch; server/config/schema.ts puts it in the hall config.
import { z } from 'zod';

export const alertsSchema = z.strictObject({
  /** A service with more visitors waiting than this (unless the service sets alertWaiting). */
  queueWaiting: z.number().int().min(1).max(10_000).default(20),
  /** A window paused longer than this, in minutes. */
  pauseMaxMin: z.number().int().min(1).max(480).default(30),
  /** A window calling one number this long without starting service (叫号中), in minutes. */
  callingMaxMin: z.number().int().min(1).max(120).default(10),
  /** A device silent or offline longer than this, in seconds. */
  deviceOfflineSec: z.number().int().min(5).max(3600).default(60),
  /** A board that cannot sound (blocked, no audio, failed) this long while calls happen, in seconds. */
  boardMuteSec: z.number().int().min(10).max(3600).default(60),
  /** The oldest event not yet sent upstream older than this, in minutes. */
  upstreamBacklogMin: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  /**
   * Suggest 潮汐 moves (a trained window takes a pressed matter as its own for an hour) in the queue alerts.
   * Off by default: on city-hall-day the simulator (`--tidal`) found no gain from them; a hall turns it on
   * once its own plan shows one.
   */
  tidalSuggestions: z.boolean().default(false),
});
