// Appointment check-in (签到) rules: when a booked visitor may check in, and from when the wait counts.
import { HallError } from './errors';

export interface CheckInRules {
  earlyMin: number;
  lateMin: number;
  tooLate: 'walk_in' | 'refuse';
}

export interface Slot {
  slotStart: number;
  slotEnd: number;
}

export type CheckIn =
  /** An appointment ticket; routing counts its wait from `waitFrom`. */
  | { kind: 'appointment'; waitFrom: number }
  /** Too late for the appointment: an ordinary ticket, waiting from now. */
  | { kind: 'walk_in'; waitFrom: number };

const MIN = 60_000;

/**
 * Early (up to earlyMin before the slot) or within the slot: the wait counts from the slot's start, so
 * the booked visitor is served near the booked time (DESIGN.md §5). Late by up to lateMin: still an
 * appointment, waiting from now. Later: a walk-in or refused, per the hall's rule.
 */
export function checkIn(slot: Slot, now: number, rules: CheckInRules, fmt: (ms: number) => string): CheckIn {
  if (now < slot.slotStart - rules.earlyMin * MIN) {
    throw new HallError(
      'APPOINTMENT_TOO_EARLY',
      `您预约的时段是 ${fmt(slot.slotStart)}–${fmt(slot.slotEnd)}，请于 ${fmt(slot.slotStart - rules.earlyMin * MIN)} 后签到`,
    );
  }
  if (now <= slot.slotEnd) return { kind: 'appointment', waitFrom: slot.slotStart };
  if (now <= slot.slotEnd + rules.lateMin * MIN) return { kind: 'appointment', waitFrom: now };
  if (rules.tooLate === 'refuse') {
    throw new HallError(
      'APPOINTMENT_TOO_LATE',
      `您预约的时段 ${fmt(slot.slotStart)}–${fmt(slot.slotEnd)} 已过，请重新预约`,
    );
  }
  return { kind: 'walk_in', waitFrom: now };
}

/** A name as the booking system may show it on a screen: the family name and stars (张三丰 → 张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}
