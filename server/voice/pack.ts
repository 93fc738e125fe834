// A voice pack: a folder of recorded clips and a manifest.json naming which clip says which unit
// (请, 号, 到, 窗口, 办理, 零…九, 十, A…Z, a chime…). A hall records its own and drops the folder in;
// `voice.pack` in the hall config picks it. Clips are evened out on loading: silence at either end is
// cut (the joiner puts even gaps between them) and every clip, the chime too, is brought to one loudness.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';
import { decodeWav, normalize, resample, trimSilence, type Pcm } from './wav';

export const PACKS_DIR = path.join(PROJECT_ROOT, 'voice-packs');

/** Loudness every clip is brought to (RMS of 16-bit samples, about −18 dBFS). */
export const TARGET_RMS = 4000;

export const manifestSchema = z.strictObject({
  name: z.string().min(1).max(64),
  description: z.string().max(500).optional(),
  /** The rate clips are played at; a clip recorded at another rate is converted on loading. */
  sampleRate: z.number().int().min(8000).max(48000).default(16000),
  /** Silence between two clips. */
  gapMs: z.number().int().min(0).max(2000).default(120),
  /** The chime in front of every announcement (a file of the pack), or none. */
  chime: z.string().min(1).optional(),
  /** Unit → clip file. A unit is a word of the template (请, 窗口…), a digit word (零…九, 十, 百) or a letter. */
  clips: z.record(z.string().min(1).max(16), z.string().min(1)),
  /** Who recorded or generated it, and under which licence. */
  source: z.string().max(500).optional(),
});
export type PackManifest = z.output<typeof manifestSchema>;

export interface VoicePack {
  name: string;
  dir: string;
  sampleRate: number;
  gapMs: number;
  chime: Int16Array | null;
  clips: Map<string, Int16Array>;
  /** Changes whenever a clip or the manifest changes: part of every cache key. */
  fingerprint: string;
  /** The longest unit, for matching the template's words greedily. */
  longestUnit: number;
}

/** `default` (or any name) is a folder of voice-packs/; anything with a slash is a path. */
export function packDir(pack: string, baseDir = process.cwd()): string {
  return /[\\/]/.test(pack) ? path.resolve(baseDir, pack) : path.join(PACKS_DIR, pack);
}

export function loadPack(dir: string): VoicePack {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`voice pack ${dir}: no manifest.json`);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`voice pack ${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const m = parsed.data;
  const hash = createHash('sha256').update(readFileSync(file));
  const read = (name: string): Int16Array => {
    const bytes = readFileSync(path.join(dir, name));
    hash.update(bytes);
    let pcm: Pcm;
    try {
      pcm = decodeWav(bytes);
    } catch (e) {
      throw new Error(`voice pack ${dir}: ${name}: ${(e as Error).message}`);
    }
    const even = resample(pcm, m.sampleRate).samples;
    return normalize(trimSilence(even, 300, 10, m.sampleRate), TARGET_RMS);
  };
  const clips = new Map<string, Int16Array>();
  for (const [unit, name] of Object.entries(m.clips)) clips.set(unit, read(name));
  return {
    name: m.name,
    dir,
    sampleRate: m.sampleRate,
    gapMs: m.gapMs,
    chime: m.chime ? read(m.chime) : null,
    clips,
    fingerprint: hash.digest('hex').slice(0, 16),
    longestUnit: Math.max(1, ...[...clips.keys()].map((k) => [...k].length)),
  };
}
