// Appointments (预约) loaded from the booking system, their check-in and their no-shows.
import type { Db } from './db';

export type AppointmentStatus = 'booked' | 'checked_in' | 'no_show';

export interface AppointmentRow {
  code: string;
  serviceId: string;
  slotStart: number;
  slotEnd: number;
  nameMasked: string | null;
  ticketId: string | null;
  status: AppointmentStatus;
  checkedInAt: number | null;
}

interface Raw {
  code: string;
  service_id: string;
  slot_start: number;
  slot_end: number;
  name_masked: string | null;
  ticket_id: string | null;
  status: AppointmentStatus;
  checked_in_at: number | null;
}

const row = (r: Raw): AppointmentRow => ({
  code: r.code,
  serviceId: r.service_id,
  slotStart: r.slot_start,
  slotEnd: r.slot_end,
  nameMasked: r.name_masked,
  ticketId: r.ticket_id,
  status: r.status,
  checkedInAt: r.checked_in_at,
});

export class AppointmentStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[string], Raw>('SELECT * FROM appointments WHERE code = ?'),
      // A booking system re-sending its list updates what has not been checked in yet, nothing else.
      put: db.prepare(`INSERT INTO appointments (code, service_id, slot_start, slot_end, name_masked)
        VALUES (@code, @serviceId, @slotStart, @slotEnd, @nameMasked) ON CONFLICT (code) DO UPDATE SET
        service_id = excluded.service_id, slot_start = excluded.slot_start, slot_end = excluded.slot_end,
        name_masked = excluded.name_masked WHERE status = 'booked'`),
      checkIn: db.prepare(`UPDATE appointments SET ticket_id = @ticketId, status = 'checked_in',
        checked_in_at = @at WHERE code = @code`),
      between: db.prepare<{ from: number; to: number }, Raw>(
        'SELECT * FROM appointments WHERE slot_start >= @from AND slot_start < @to ORDER BY slot_start, code',
      ),
      missed: db.prepare<{ before: number }, Raw>(
        "SELECT * FROM appointments WHERE status = 'booked' AND slot_end < @before ORDER BY slot_start",
      ),
      noShow: db.prepare("UPDATE appointments SET status = 'no_show' WHERE code = ? AND status = 'booked'"),
    };
  }

  get(code: string): AppointmentRow | null {
    const r = this.s.get.get(code);
    return r ? row(r) : null;
  }

  put(a: Pick<AppointmentRow, 'code' | 'serviceId' | 'slotStart' | 'slotEnd' | 'nameMasked'>): void {
    this.s.put.run(a);
  }

  checkIn(code: string, ticketId: string, at: number): void {
    this.s.checkIn.run({ code, ticketId, at });
  }

  between(from: number, to: number): AppointmentRow[] {
    return this.s.between.all({ from, to }).map(row);
  }

  /** Booked appointments whose slot ended before `before` (past the late limit: no-shows). */
  missed(before: number): AppointmentRow[] {
    return this.s.missed.all({ before }).map(row);
  }

  markNoShow(code: string): void {
    this.s.noShow.run(code);
  }
}
