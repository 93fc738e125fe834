// Whether the kiosk can issue a number for a service right now, and why not.

export type ServiceState = 'open' | 'full' | 'closed';

export interface Availability {
  state: ServiceState;
  /** Why, in the words the kiosk shows (Chinese; the kiosk translates by state). */
  reason: string | null;
}

export function serviceAvailability(
  s: { dailyCap: number; hours: { from: string; to: string } | null },
  issuedToday: number,
  /** Why the whole hall does not issue now (calendar, closing), or null when it does. */
  hallClosed: string | null,
  /** Local time "HH:MM". */
  clock: string,
): Availability {
  if (hallClosed) return { state: 'closed', reason: hallClosed };
  if (s.hours && (clock < s.hours.from || clock >= s.hours.to)) {
    return { state: 'closed', reason: `本事项取号时间为 ${s.hours.from}–${s.hours.to}` };
  }
  if (issuedToday >= s.dailyCap) return { state: 'full', reason: `今日号已取完（限 ${s.dailyCap} 个）` };
  return { state: 'open', reason: null };
}
