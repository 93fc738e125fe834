// Daily numbering: a number is the service prefix plus a sequence that restarts each hall day.
import { HallError } from './errors';
import type { Service } from './types';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

function parts(now: number, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(now))) out[p.type] = p.value;
  return out;
}

/** The hall day ("YYYY-MM-DD") of an instant, on the hall's own clock. */
export function hallDay(now: number, timeZone: string): string {
  const p = parts(now, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Minutes since local midnight on the hall's clock. */
export function minuteOfDay(now: number, timeZone: string): number {
  const p = parts(now, timeZone);
  return Number(p.hour) * 60 + Number(p.minute);
}

/** The local time "HH:MM" on the hall's clock. */
export function localClock(now: number, timeZone: string): string {
  const p = parts(now, timeZone);
  return `${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** The platform's time format "YYYYMMDDThhmmss" on the hall's clock (好差评 data standard). */
export function localStamp(now: number, timeZone: string): string {
  const p = parts(now, timeZone);
  return `${p.year}${p.month}${p.day}T${p.hour === '24' ? '00' : p.hour}${p.minute}${p.second}`;
}

/** "HH:MM" → minutes since midnight. */
export function parseHhMm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes after midnight as "HH:MM". */
export function formatHhMm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** Refuses a new ticket once the service has issued its daily cap. */
export function assertUnderCap(service: Service, issuedToday: number): void {
  if (issuedToday >= service.dailyCap) {
    throw new HallError(
      'DAILY_CAP_REACHED',
      `今日${service.name}的号已取完（每日 ${service.dailyCap} 个），请明天再来或咨询导服台`,
      { serviceId: service.id, dailyCap: service.dailyCap },
    );
  }
}

/** The next sequence for a prefix today, given the last one issued (0 when none). */
export function nextSeq(lastSeqToday: number): number {
  return lastSeqToday + 1;
}
