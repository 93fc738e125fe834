// One simulated day's visitors, drawn from the scenario with seeded streams that do not depend on the
// policy: every policy serves exactly the same people with the same service times.
import { exponential, lognormal, rng, streamSeed } from './rng';
import { minutesOf, type Scenario } from './scenario';

export interface Visitor {
  id: number;
  /** Minutes since midnight. */
  arrival: number;
  service: string;
  priority: boolean;
  /** Minutes at the window if served. */
  serviceMin: number;
  /** Gone when called. */
  noShow: boolean;
}

function drawServiceMin(u: () => number, d: Scenario['services'][number]['serviceMin']): number {
  if (d.dist === 'const') return d.mean;
  if (d.dist === 'exp') return exponential(u, d.mean);
  return lognormal(u, d.mean, d.cv ?? 0.5);
}

/** Non-stationary Poisson arrivals: each profile period's rate ∝ its weight, `total` expected in the day. */
export function visitorsOf(s: Scenario, seed: number, rep: number): Visitor[] {
  const [uArr, uSvc, uPri, uTime, uNoShow] = [1, 2, 3, 4, 5].map((k) => rng(streamSeed(seed, rep, k)));
  const periods = s.arrivals.profile.map((p) => ({ from: minutesOf(p.from), to: minutesOf(p.to), w: p.weight }));
  const mass = periods.reduce((a, p) => a + p.w * (p.to - p.from), 0);
  const shares = s.services.reduce((a, x) => a + x.share, 0);
  const out: Visitor[] = [];
  for (const p of periods) {
    const rate = (s.arrivals.total * p.w) / mass; // per minute
    if (rate <= 0) continue;
    for (let t = p.from + exponential(uArr!, 1 / rate); t < p.to; t += exponential(uArr!, 1 / rate)) {
      let x = uSvc!() * shares;
      const svc = s.services.find((v) => (x -= v.share) < 0) ?? s.services.at(-1)!;
      out.push({
        id: out.length,
        arrival: t,
        service: svc.id,
        priority: uPri!() < svc.priorityShare,
        serviceMin: drawServiceMin(uTime!, svc.serviceMin),
        noShow: uNoShow!() < s.noShowRate,
      });
    }
  }
  return out;
}
