// The hall core against a real SQLite file, with an injected clock.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { StaffAccess } from '../../server/core/staff';
import { HallError } from '../../server/domain/errors';
import type { WindowAction } from '../../server/core/commands';
import { FakeClock, PASSWORD, testConfig, testCore, windowCommand } from '../helpers/hall';

const ID = '11010519491231002X'; // a valid check digit

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof HallError) return e.code;
    throw e;
  }
  return undefined;
}

describe('hall core', () => {
  let h: ReturnType<typeof testCore>;
  let staff: StaffAccess;
  const events: string[] = [];

  beforeEach(async () => {
    h = testCore(testConfig(4), new FakeClock());
    staff = new StaffAccess(h.core);
    events.length = 0;
    h.bus.on('ticket.changed', (e) => events.push(`${e.action}:${e.ticket.number}`));
    h.bus.on('call', (e) => events.push(`call:${e.ticket.number}@${e.windowNo}${e.recall ? ' recall' : ''}`));
    for (const w of [1, 2, 3]) await staff.login(`c${w}`, PASSWORD, w);
  });

  const issue = (serviceId: string, extra = {}) => h.core.run('issueTicket', { serviceId, ...extra }, 'device:kiosk-1');
  const cmd = (no: number, action: WindowAction, args = {}, key?: string) =>
    windowCommand(h.core, no, action, `clerk:c${no}`, args, key);

  it('numbers each service from 001 and restarts the next hall day; left-overs expire', () => {
    expect(issue('general').number).toBe('A001');
    expect(issue('general').number).toBe('A002');
    expect(issue('tax').number).toBe('B001');
    h.clock.now += 24 * 3600_000;
    const next = issue('general');
    expect(next.number).toBe('A001');
    expect(next.day).toBe('2026-11-24');
    const expired = h.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'expired'").get() as { n: number };
    expect(expired.n).toBe(3);
    expect(events.filter((e) => e.startsWith('expired:'))).toHaveLength(3);
  });

  it('stops at the daily cap with a message naming the service', () => {
    const cfg = testConfig(2);
    cfg.services[1]!.dailyCap = 2;
    const c = testCore(cfg);
    c.core.run('issueTicket', { serviceId: 'tax' }, 'k');
    c.core.run('issueTicket', { serviceId: 'tax' }, 'k');
    expect(() => c.core.run('issueTicket', { serviceId: 'tax' }, 'k')).toThrowError(/今日税务的号已取完/);
    expect(c.core.run('issueTicket', { serviceId: 'general' }, 'k').number).toBe('A001');
  });

  it('call-next follows routing, finishes the visitor at the window, and answers null when nothing waits', () => {
    const a = issue('general');
    h.clock.advanceMin(1);
    const b = issue('tax');
    h.clock.advanceMin(1);
    expect(cmd(1, 'call-next')?.number).toBe(a.number); // own queue first
    h.clock.advanceMin(1);
    expect(cmd(1, 'call-next')?.number).toBe(b.number); // then helps tax
    expect(h.core.query.ticket(a.id)?.status).toBe('finished');
    h.clock.advanceMin(1);
    expect(cmd(1, 'call-next')).toBeNull();
    expect(h.core.query.windowView(1).state).toBe('idle');
  });

  it('a double press within the configured time returns the same ticket', () => {
    issue('general');
    issue('general');
    const first = cmd(1, 'call-next');
    h.clock.now += 1000;
    expect(cmd(1, 'call-next')?.id).toBe(first?.id);
    h.clock.now += 5000;
    expect(cmd(1, 'call-next')?.number).toBe('A002');
  });

  it('the same idempotency key twice has the effect of one', () => {
    issue('general');
    issue('general');
    const first = cmd(1, 'call-next', {}, 'key-1');
    h.clock.advanceMin(2);
    const before = h.core.query.logCount();
    const again = cmd(1, 'call-next', {}, 'key-1');
    expect(again).toEqual(first);
    expect(h.core.query.logCount()).toBe(before);
    expect(h.core.query.ticketByNumber(h.core.today(), 'A002')?.status).toBe('waiting');
    // the same key at another window is another request
    expect(cmd(2, 'call-next', {}, 'key-1')?.number).toBe('A002');
  });

  it('two windows never get the same ticket', () => {
    issue('general');
    const one = cmd(1, 'call-next');
    const three = cmd(3, 'call-next');
    expect(one?.number).toBe('A001');
    expect(three).toBeNull();
  });

  it('recall is announced again, and past the limit the ticket is a no-show', () => {
    issue('general');
    cmd(1, 'call-next');
    expect(cmd(1, 'recall')?.recallCount).toBe(1);
    expect(cmd(1, 'recall')?.recallCount).toBe(2);
    expect(cmd(1, 'recall')?.status).toBe('no_show');
    expect(events).toEqual([
      'issued:A001',
      'called:A001',
      'call:A001@1',
      'recalled:A001',
      'call:A001@1 recall',
      'recalled:A001',
      'call:A001@1 recall',
      'no_show:A001',
    ]);
    expect(codeOf(() => cmd(1, 'recall'))).toBe('NO_CURRENT_TICKET');
  });

  it('hold and call back: the held ticket waits for its own window only', () => {
    issue('general');
    issue('general');
    cmd(1, 'call-next');
    cmd(1, 'start');
    const held = cmd(1, 'hold')!;
    expect(held.status).toBe('held');
    expect(h.core.query.heldTickets(1).map((t) => t.number)).toEqual(['A001']);
    expect(cmd(2, 'call-next')?.number).toBe('A002'); // not A001
    expect(codeOf(() => cmd(2, 'call-back', { number: 'A001' }))).toBe('WINDOW_BUSY');
    cmd(2, 'finish');
    expect(codeOf(() => cmd(2, 'call-back', { number: 'A001' }))).toBe('ILLEGAL_TRANSITION');
    expect(cmd(1, 'call-back', { ticketId: held.id })?.status).toBe('called');
  });

  it('transfer to a service keeps the number and the original issue time; to a window reserves it', () => {
    const t = issue('general');
    h.clock.advanceMin(10);
    cmd(1, 'call-next');
    const moved = cmd(1, 'transfer', { serviceId: 'social', note: '社保卡挂失' })!;
    expect(moved).toMatchObject({
      number: t.number,
      serviceId: 'social',
      status: 'waiting',
      issuedAt: t.issuedAt,
      note: '社保卡挂失',
    });
    // A fresh social ticket issued now is less urgent than the transferred one.
    issue('social');
    expect(cmd(3, 'call-next')?.number).toBe(t.number);
    const toWin = cmd(3, 'transfer', { windowNo: 2 })!;
    expect(toWin.targetWindowNo).toBe(2);
    expect(cmd(1, 'call-next')?.number).not.toBe(t.number);
    expect(cmd(2, 'call-next')?.number).toBe(t.number);
  });

  it('call a specific number (特呼), even outside the window’s skills', () => {
    issue('general');
    const d = issue('social');
    expect(cmd(2, 'call', { number: d.number.toLowerCase() })?.number).toBe(d.number);
    expect(codeOf(() => cmd(1, 'call', { number: 'Z999' }))).toBe('TICKET_NOT_FOUND');
  });

  it('pause with a reason stops calls; resume restores; pause with a visitor at the window is refused', () => {
    issue('general');
    cmd(1, 'pause', { reason: '午休' });
    expect(h.core.query.windowView(1)).toMatchObject({ state: 'paused', pauseReason: '午休' });
    expect(codeOf(() => cmd(1, 'call-next'))).toBe('WINDOW_PAUSED');
    expect(codeOf(() => cmd(1, 'pause'))).toBe('WINDOW_PAUSED');
    cmd(1, 'resume');
    expect(codeOf(() => cmd(1, 'resume'))).toBe('WINDOW_NOT_PAUSED');
    cmd(1, 'call-next');
    expect(codeOf(() => cmd(1, 'pause'))).toBe('WINDOW_BUSY');
  });

  it('a live skill change takes effect on the window’s next call, and is audited', () => {
    issue('social');
    expect(cmd(2, 'call-next')).toBeNull(); // window 2 takes tax and general only
    h.core.run('setSkills', { window: 2, skills: { social: 1 } }, 'clerk:sup');
    h.clock.advanceMin(1);
    expect(cmd(2, 'call-next')?.serviceId).toBe('social');
    expect(h.core.query.windowView(2).skills).toEqual({ social: 1 });
    expect(codeOf(() => h.core.run('setSkills', { window: 2, skills: { nope: 1 } }, 'x'))).toBe('UNKNOWN_SERVICE');
    const audit = h.db.prepare("SELECT actor, data FROM events WHERE type = 'window.skills'").all() as {
      actor: string;
      data: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('clerk:sup');
  });

  it('a window nobody is logged into is closed', () => {
    issue('general');
    expect(h.core.query.windowView(4).state).toBe('closed');
    expect(codeOf(() => cmd(4, 'call-next'))).toBe('WINDOW_CLOSED');
  });

  it('cancel a waiting ticket; a finished one cannot be cancelled', () => {
    const a = issue('general');
    expect(h.core.run('cancelTicket', { id: a.id }, 'clerk:sup').status).toBe('cancelled');
    const b = issue('general');
    cmd(1, 'call-next');
    cmd(1, 'finish');
    expect(codeOf(() => h.core.run('cancelTicket', { id: b.id }, 'clerk:sup'))).toBe('ILLEGAL_TRANSITION');
  });

  it('closing expires tickets still waiting or held and stops issuing', () => {
    issue('general');
    issue('general');
    issue('tax');
    cmd(1, 'call-next');
    cmd(1, 'hold');
    expect(h.core.run('closeDay', {}, 'system')).toBe(3);
    expect(h.core.query.serviceViews().every((s) => s.waiting === 0)).toBe(true);
    expect(codeOf(() => issue('general'))).toBe('HALL_CLOSED');
  });

  it('ID numbers: validated, one open ticket per person per service, stored only hashed and masked', () => {
    expect(codeOf(() => issue('general', { idNumber: '110105194912310021' }))).toBe('VALIDATION');
    const t = issue('general', { idNumber: ID.toLowerCase() });
    expect(t.idMasked).toBe('110***********002X');
    let err: HallError | undefined;
    try {
      issue('general', { idNumber: ID });
    } catch (e) {
      err = e as HallError;
    }
    expect(err?.code).toBe('ALREADY_HOLDING');
    expect(err?.message).toContain('该身份证号已取过'); // and never which number (issue 23)
    expect(JSON.stringify([err?.message, err?.details])).not.toContain(t.number);
    expect(issue('tax', { idNumber: ID }).number).toBe('B001'); // another service is fine
    h.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(path.join(h.dataDir, 'hall.sqlite')).toString('latin1');
    expect(file).not.toContain(ID);
    expect(file).not.toContain(ID.slice(6, 14));
  });

  it('an appointment checked in early waits from its slot start', () => {
    const slot = h.clock.now + 30 * 60_000;
    h.core.run(
      'addAppointments',
      { list: [{ code: 'YY123', serviceId: 'general', slotStart: slot, slotEnd: slot + 1800_000 }] },
      'system',
    );
    const t = issue('general', { appointmentCode: 'YY123' });
    expect(h.core.query.ticket(t.id)?.waitFrom).toBe(slot);
    expect(codeOf(() => issue('general', { appointmentCode: 'YY123' }))).toBe('APPOINTMENT_USED');
    expect(codeOf(() => issue('general', { appointmentCode: 'NOPE' }))).toBe('NOT_FOUND');
  });

  it('a refused command emits nothing and changes nothing', () => {
    issue('general');
    events.length = 0;
    const count = h.core.query.logCount();
    expect(codeOf(() => cmd(1, 'finish'))).toBe('NO_CURRENT_TICKET');
    expect(codeOf(() => cmd(1, 'transfer', { serviceId: 'nope' }))).toBe('NO_CURRENT_TICKET');
    cmd(1, 'call-next');
    events.length = 0;
    expect(codeOf(() => cmd(1, 'transfer', { serviceId: 'nope' }))).toBe('UNKNOWN_SERVICE');
    expect(events).toEqual([]);
    expect(h.core.query.logCount()).toBe(count + 1);
  });

  it('the event log is append-only and records who did what where', () => {
    const t = issue('general');
    cmd(1, 'call-next');
    cmd(1, 'finish');
    const log = h.core.query.ticketHistory(t.id);
    expect(log.map((e) => e.type)).toEqual(['ticket.issued', 'ticket.called', 'ticket.finished']);
    expect(log[1]).toMatchObject({ windowNo: 1, clerkId: 'c1', actor: 'clerk:c1' });
    expect(() => h.db.prepare('UPDATE events SET type = ?').run('x')).toThrowError(/append-only/);
    expect(() => h.db.prepare('DELETE FROM events').run()).toThrowError(/append-only/);
  });

  it('one clerk per window: a second clerk is refused; a clerk moving leaves the old window', async () => {
    await expect(staff.login('c4', PASSWORD, 1)).rejects.toMatchObject({ code: 'WINDOW_TAKEN' });
    await staff.login('c1', PASSWORD, 4);
    expect(h.core.query.windowView(1).state).toBe('closed');
    expect(h.core.query.windowView(4).clerk?.id).toBe('c1');
    await expect(staff.login('c1', 'wrong', 4)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    await expect(staff.login('nobody', PASSWORD)).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
  });
});

describe('queue counts', () => {
  it('the kept waiting counts always equal a count of the tickets', async () => {
    const h = testCore(testConfig(4));
    const staff = new StaffAccess(h.core);
    for (const w of [1, 2, 3]) await staff.login(`c${w}`, PASSWORD, w);
    const services = ['general', 'tax', 'social'];
    const actions = ['call-next', 'finish', 'transfer', 'hold', 'call-back', 'skip', 'recall'] as const;
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 400; i++) {
      h.clock.now += 4000;
      const r = rnd(10);
      try {
        if (r < 4) h.core.run('issueTicket', { serviceId: services[rnd(3)]! }, 'k');
        else {
          const no = 1 + rnd(3);
          const a = actions[rnd(actions.length)]!;
          const held = h.core.query.heldTickets(no)[0];
          windowCommand(
            h.core,
            no,
            a,
            'x',
            a === 'transfer'
              ? { serviceId: services[rnd(3)] }
              : a === 'call-back'
                ? { ticketId: held?.id ?? 'none' }
                : {},
          );
        }
      } catch (e) {
        if (!(e instanceof HallError)) throw e;
      }
    }
    for (const s of h.core.query.serviceViews()) {
      const real = h.db
        .prepare("SELECT COUNT(*) AS n FROM tickets WHERE service_id = ? AND status = 'waiting'")
        .get(s.id) as { n: number };
      expect(s.waiting, s.id).toBe(real.n);
    }
  });
});
