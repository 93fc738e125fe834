// Announcement audio on disk in the data directory, one file per content hash (same units, same pack,
// same gaps → same file), bounded in size: when over `maxBytes`, the least recently used files go first.
// The most recent announcements are also kept in memory, so a board's GET right after a call is a copy.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFile } from 'node:fs';
import path from 'node:path';

export class AudioCache {
  private readonly files = new Map<string, { bytes: number; usedAt: number }>();
  private readonly memory = new Map<string, Buffer>();
  private total = 0;

  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    private readonly memoryItems = 64,
    private readonly log: (msg: string, e?: unknown) => void = () => {},
  ) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.wav')) continue;
      const st = statSync(path.join(dir, f));
      this.files.set(f.slice(0, -4), { bytes: st.size, usedAt: st.mtimeMs });
      this.total += st.size;
    }
    this.evict();
  }

  /** Bytes on disk now. */
  get bytes(): number {
    return this.total;
  }

  get count(): number {
    return this.files.size;
  }

  has(key: string): boolean {
    return this.memory.has(key) || this.files.has(key);
  }

  get(key: string): Buffer | null {
    const m = this.memory.get(key);
    const entry = this.files.get(key);
    if (entry) {
      entry.usedAt = Date.now();
      // Kept as "last used" across restarts; a failure here only makes eviction less exact.
      try {
        utimesSync(this.file(key), new Date(), new Date());
      } catch {
        /* evicted meanwhile */
      }
    }
    if (m) return m;
    if (!entry) return null;
    try {
      const b = readFileSync(this.file(key));
      this.remember(key, b);
      return b;
    } catch {
      this.forget(key);
      return null;
    }
  }

  /** Stores at once in memory; the disk write follows without holding anyone up. */
  put(key: string, wav: Buffer): void {
    this.remember(key, wav);
    if (this.files.has(key)) return;
    this.files.set(key, { bytes: wav.length, usedAt: Date.now() });
    this.total += wav.length;
    writeFile(this.file(key), wav, (e) => {
      if (e) {
        this.log(`voice cache: cannot write ${key}`, e);
        this.forget(key);
      }
    });
    this.evict();
  }

  private remember(key: string, wav: Buffer): void {
    this.memory.delete(key);
    this.memory.set(key, wav);
    while (this.memory.size > this.memoryItems) this.memory.delete(this.memory.keys().next().value!);
  }

  private evict(): void {
    if (this.total <= this.maxBytes) return;
    const oldest = [...this.files.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key] of oldest) {
      if (this.total <= this.maxBytes * 0.9) break;
      rmSync(this.file(key), { force: true });
      this.forget(key);
      this.memory.delete(key);
    }
  }

  private forget(key: string): void {
    const e = this.files.get(key);
    if (e) this.total -= e.bytes;
    this.files.delete(key);
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.wav`);
  }
}
