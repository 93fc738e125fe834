// Seeded randomness for the simulator: reproducible by seed, with independent streams so that every
// policy sees the very same visitors (common random numbers).

/** mulberry32: small, fast, good enough for simulation; a 32-bit seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for stream `k` of replication `rep` under a base seed. Each input is mixed in turn: xoring base
 * and rep before any mixing made seed 2's replication 1 the same day as seed 3's replication 0.
 */
export function streamSeed(base: number, rep: number, k: number): number {
  let h = 0x9e3779b9;
  for (const x of [base, rep, k]) {
    h = Math.imul(h ^ x, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

export function exponential(u: () => number, mean: number): number {
  return -mean * Math.log(1 - u());
}

/** Standard normal by Box–Muller. */
export function normal(u: () => number): number {
  const r = Math.sqrt(-2 * Math.log(1 - u()));
  return r * Math.cos(2 * Math.PI * u());
}

/** Lognormal with the given mean and coefficient of variation. */
export function lognormal(u: () => number, mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal(u));
}
