// The hall calendar: on which days the hall works and during which hours. Chinese halls close on the
// statutory holidays, work on some weekends instead (调休上班), and many keep extended hours on one
// weekday (延时服务) or open on Saturday mornings. Pure: days are "YYYY-MM-DD" in the hall's zone.
import { formatHhMm, parseHhMm } from './numbering';

export interface Hours {
  open: string;
  close: string;
}

export interface HallCalendar {
  /** ISO weekdays the hall works: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** Hours by ISO weekday ("3": Wednesday) where they differ from the hall's usual hours. */
  hours: Readonly<Record<string, Hours>>;
  /** Statutory holidays and other closed days. */
  holidays: readonly string[];
  /** Days worked although the weekday is off (调休上班), with the usual hours unless given. */
  workdays: Readonly<Record<string, Partial<Hours>>>;
  /** Minutes before opening the kiosk already issues numbers (visitors queue at the door). */
  issueBeforeOpenMin: number;
}

export interface CalendarHall extends Hours {
  calendar?: HallCalendar;
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The day's opening hours, or null on a day the hall does not work. Without a calendar every day works. */
export function hoursOn(hall: CalendarHall, day: string): Hours | null {
  const c = hall.calendar;
  const usual = { open: hall.open, close: hall.close };
  if (!c) return usual;
  if (c.holidays.includes(day)) return null;
  const extra = c.workdays[day];
  if (extra) return { ...usual, ...extra };
  const wd = isoWeekday(day);
  if (!c.weekdays.includes(wd)) return null;
  return c.hours[String(wd)] ?? usual;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Monday to Friday with extra days off and worked weekend days (调休): the calendar of a hall that gives
 * only those lists (`evaluation.holidays` / `evaluation.workdays`, for follow-up deadlines).
 */
export function weekdayCalendar(holidays: readonly string[], workdays: readonly string[]): HallCalendar {
  return {
    weekdays: [1, 2, 3, 4, 5],
    hours: {},
    holidays: holidays.filter((d) => !workdays.includes(d)),
    workdays: Object.fromEntries(workdays.map((d) => [d, {}])),
    issueBeforeOpenMin: 0,
  };
}

/** The day `n` working days after `day` (a follow-up's deadline is the end of that day). */
export function addWorkingDays(hall: CalendarHall, day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (hoursOn(hall, d)) left--;
  }
  return d;
}

/** The next working day after `day` (within a year), with its hours. */
export function nextWorkingDay(hall: CalendarHall, day: string): { day: string; hours: Hours } | null {
  for (let i = 1; i <= 366; i++) {
    const d = addDays(day, i);
    const hours = hoursOn(hall, d);
    if (hours) return { day: d, hours };
  }
  return null;
}

export type HallState = 'open' | 'before-open' | 'after-close' | 'day-off';

export interface HallStatus {
  state: HallState;
  hours: Hours | null;
  /** Why the kiosk does not issue, in the kiosk's words (Chinese); null when open. */
  reason: string | null;
}

const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** Whether the hall issues numbers at `minute` (minutes after local midnight) of `day`. */
export function hallStatus(hall: CalendarHall, day: string, minute: number): HallStatus {
  const hours = hoursOn(hall, day);
  const next = () => {
    const n = nextWorkingDay(hall, day);
    return n ? `，下个办公日 ${md(n.day)} ${n.hours.open}` : '';
  };
  if (!hours) return { state: 'day-off', hours, reason: `今日休息${next()}` };
  // Without a calendar the hall keeps the old rule: it issues until the day cycle closes the day.
  if (!hall.calendar) return { state: 'open', hours, reason: null };
  const early = hall.calendar.issueBeforeOpenMin;
  if (minute < parseHhMm(hours.open) - early) {
    return { state: 'before-open', hours, reason: `今日 ${formatHhMm(parseHhMm(hours.open) - early)} 开始取号` };
  }
  if (minute >= parseHhMm(hours.close)) {
    return { state: 'after-close', hours, reason: `今日已停止取号（${hours.close} 闭厅）${next()}` };
  }
  return { state: 'open', hours, reason: null };
}
