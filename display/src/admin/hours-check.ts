// Whether a save would close the hall at once: auto-close on, and the hall's clock already past its hours
// (the hall's time zone, not the browser's). The admin page asks before such a save.

/** What decides whether the hall is open by the clock: auto-close and the day's hours. */
export const hoursKey = (h: { autoClose?: boolean; open: string; close: string }) =>
  `${h.autoClose}|${h.open}|${h.close}`;

/** Whether the hall's clock now is within its opening hours. */
export function withinHours(h: { open: string; close: string; timezone: string }, now = new Date()): boolean {
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone: h.timezone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(now)
    .replace(/^24/, '00');
  return hm >= h.open && hm < h.close;
}
