// Erlang C: the mean wait in an M/M/c queue, the yardstick the simulator is validated against.

/** Probability that an arrival waits, with c servers and offered load a = λ/μ (a < c). */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  let term = 1;
  let sum = 1; // k = 0
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = ((term * a) / c) * (c / (c - a)); // a^c / c! × c / (c − a)
  return last / (sum + last);
}

/** Mean wait in queue (minutes) for arrival rate λ and service rate μ per minute, c servers. */
export function erlangCMeanWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}
