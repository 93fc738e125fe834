// 16-bit PCM WAV: read, write and join. Boards and players all take it, and joining clips is a copy,
// so an announcement is ready in well under a millisecond once its clips are in memory.

export interface Pcm {
  sampleRate: number;
  /** Mono samples. */
  samples: Int16Array;
}

/** Reads a mono or stereo 16-bit PCM WAV (stereo is mixed down); throws on anything else. */
export function decodeWav(buf: Uint8Array): Pcm {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 12 || b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let fmt: { channels: number; sampleRate: number; bits: number; format: number } | null = null;
  for (let at = 12; at + 8 <= b.length;) {
    const id = b.toString('ascii', at, at + 4);
    // A streaming writer (eSpeak writing to a pipe) leaves 0xFFFFFFFF sizes: the chunk runs to the end.
    const declared = b.readUInt32LE(at + 4);
    const size = Math.min(declared, b.length - at - 8);
    const body = at + 8;
    if (id === 'fmt ') {
      fmt = {
        format: b.readUInt16LE(body),
        channels: b.readUInt16LE(body + 2),
        sampleRate: b.readUInt32LE(body + 4),
        bits: b.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data before its format');
      if (fmt.format !== 1 || fmt.bits !== 16 || fmt.channels < 1 || fmt.channels > 2)
        throw new Error(`expected 16-bit PCM, got format ${fmt.format}, ${fmt.bits} bits, ${fmt.channels} channels`);
      const frames = Math.floor(size / (2 * fmt.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) {
        let v = 0;
        for (let c = 0; c < fmt.channels; c++) v += b.readInt16LE(body + 2 * (i * fmt.channels + c));
        samples[i] = Math.round(v / fmt.channels);
      }
      return { sampleRate: fmt.sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

export function encodeWav(pcm: Pcm): Buffer {
  const data = pcm.samples.length * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(pcm.sampleRate, 24);
  b.writeUInt32LE(pcm.sampleRate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, data).copy(b, 44);
  return b;
}

/** Parts one after another with `gapMs` of silence between each two (not before or after). */
export function joinPcm(parts: Int16Array[], sampleRate: number, gapMs: number): Pcm {
  const gap = Math.round((sampleRate * gapMs) / 1000);
  const total = parts.reduce((n, p) => n + p.length, 0) + gap * Math.max(0, parts.length - 1);
  const samples = new Int16Array(total);
  let at = 0;
  parts.forEach((p, i) => {
    if (i > 0) at += gap;
    samples.set(p, at);
    at += p.length;
  });
  return { sampleRate, samples };
}

export function durationMs(pcm: Pcm): number {
  return Math.round((pcm.samples.length * 1000) / pcm.sampleRate);
}

/** Root mean square level, 0…32767. */
export function rms(samples: Int16Array): number {
  if (!samples.length) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}

/** Drops leading and trailing near-silence, so the gaps the joiner puts between clips are the only gaps. */
export function trimSilence(samples: Int16Array, threshold = 300, keepMs = 10, sampleRate = 16000): Int16Array {
  const keep = Math.round((keepMs * sampleRate) / 1000);
  let start = 0;
  while (start < samples.length && Math.abs(samples[start]!) < threshold) start++;
  let end = samples.length;
  while (end > start && Math.abs(samples[end - 1]!) < threshold) end--;
  return samples.slice(Math.max(0, start - keep), Math.min(samples.length, end + keep));
}

/** Scales a clip to a target RMS (clipping guarded), so chime and every clip play at one loudness. */
export function normalize(samples: Int16Array, targetRms: number): Int16Array {
  const level = rms(samples);
  if (level === 0) return samples;
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const gain = Math.min(targetRms / level, 32000 / Math.max(1, peak));
  return samples.map((s) => Math.round(s * gain));
}

/**
 * Converts to another sample rate: a windowed-sinc low-pass below the lower Nyquist, then interpolation.
 * Used for engine output (eSpeak writes 22.05 kHz) so every clip of an announcement has one rate.
 */
export function resample(pcm: Pcm, rate: number): Pcm {
  if (pcm.sampleRate === rate) return pcm;
  const ratio = pcm.sampleRate / rate;
  const cutoff = Math.min(1, 1 / ratio) * 0.9;
  const half = 16;
  const out = new Int16Array(Math.floor(pcm.samples.length / ratio));
  const src = pcm.samples;
  for (let i = 0; i < out.length; i++) {
    const center = i * ratio;
    const lo = Math.ceil(center - half);
    const hi = Math.floor(center + half);
    let acc = 0;
    let norm = 0;
    for (let j = lo; j <= hi; j++) {
      const x = j - center;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
      const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / (half + 1));
      const k = sinc * w;
      norm += k;
      if (j >= 0 && j < src.length) acc += src[j]! * k;
    }
    out[i] = Math.max(-32768, Math.min(32767, Math.round(acc / norm)));
  }
  return { sampleRate: rate, samples: out };
}
