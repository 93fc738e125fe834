// Seeded randomness for the domain's Monte Carlo (the wait prediction): the caller passes the seed, so the
// domain stays pure and a prediction is reproducible from its inputs.

/** mulberry32: small, fast, good enough for simulation; a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (a ticket id) and a number (the time asked): FNV-1a. */
export function seedOf(text: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return Math.imul(h ^ (n >>> 0) ^ Math.floor(n / 4294967296), 0x01000193) >>> 0;
}

/** Lognormal with the given mean and coefficient of variation. */
export function lognormalDraw(u: () => number, mean: number, cv: number): number {
  if (cv <= 0) return mean;
  const s2 = Math.log(1 + cv * cv);
  const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * z);
}

export function exponentialDraw(u: () => number, mean: number): number {
  return -mean * Math.log(1 - u());
}
