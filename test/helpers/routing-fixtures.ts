// Hand-made matters, windows and waiting tickets for unit tests of the routing rule (server/domain/routing.ts).
import type { Candidate } from '../../server/domain/routing';
import type { HallWindow, Service } from '../../server/domain/types';

export const MIN = 60_000;

export const service = (id: string, targetWaitMin: number, avgServiceMin = 8): Service => ({
  id,
  name: id,
  prefix: id[0]!.toUpperCase(),
  targetWaitMin,
  dailyCap: 999,
  avgServiceMin,
});

/** A window by its skills (service id → level); its kind does not enter the rule. */
export const hallWindow = (skills: Record<string, number>, no = 1): HallWindow => ({
  no,
  name: `W${no}`,
  kind: 'comprehensive',
  zone: 'A',
  skills,
});

/** Waiting tickets at `now`, numbered in the order they are made (the tie-break of equal waits). */
export function candidatesAt(now: number) {
  let n = 0;
  return (serviceId: string, waitedMin: number, extra: Partial<Candidate> = {}): Candidate => {
    n++;
    return {
      ticketId: `t${String(n).padStart(3, '0')}`,
      serviceId,
      waitFrom: now - waitedMin * MIN,
      issuedAt: now - waitedMin * MIN,
      seq: n,
      priority: false,
      targetWindowNo: null,
      ...extra,
    };
  };
}
