import { describe, expect, it } from 'vitest';
import { HallError } from '../../server/domain/errors';
import * as m from '../../server/domain/ticket-machine';
import { LEGAL_FROM, type TicketAction } from '../../server/domain/ticket-machine';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../../server/domain/types';

const T0 = 1_000_000;
const at = { windowNo: 3, clerkId: 'c3', now: T0 + 60_000 };

function ticket(status: TicketStatus, extra: Partial<Ticket> = {}): Ticket {
  const onWindow = status === 'called' || status === 'serving';
  return {
    id: 't1',
    day: '2026-11-23',
    number: 'A012',
    seq: 12,
    serviceId: 'general',
    status,
    priority: null,
    channel: 'kiosk',
    issuedAt: T0,
    waitFrom: T0,
    targetWindowNo: status === 'held' ? 3 : null,
    windowNo: onWindow ? 3 : null,
    clerkId: onWindow ? 'c3' : null,
    calledAt: onWindow ? T0 + 1 : null,
    servingAt: status === 'serving' ? T0 + 2 : null,
    finishedAt: null,
    recallCount: 0,
    transferCount: 0,
    note: null,
    idMasked: null,
    appointmentCode: null,
    ...extra,
  };
}

const apply: Record<TicketAction, (t: Ticket) => Ticket> = {
  call: (t) => m.call(t, at),
  recall: (t) => m.recall(t, 2, at.now),
  start: (t) => m.start(t, at.now),
  skip: (t) => m.skip(t, at.now),
  finish: (t) => m.finish(t, at.now),
  hold: (t) => m.hold(t),
  callBack: (t) => m.callBack(t, at),
  transfer: (t) => m.transfer(t, { serviceId: 'tax' }),
  requeue: (t) => m.requeue(t),
  cancel: (t) => m.cancel(t, at.now),
  expire: (t) => m.expire(t, at.now),
};

const RESULT: Record<TicketAction, TicketStatus> = {
  call: 'called',
  recall: 'called',
  start: 'serving',
  skip: 'no_show',
  finish: 'finished',
  hold: 'held',
  callBack: 'called',
  transfer: 'waiting',
  requeue: 'waiting',
  cancel: 'cancelled',
  expire: 'expired',
};

describe('ticket state machine: every action from every status', () => {
  for (const action of Object.keys(apply) as TicketAction[]) {
    for (const status of TICKET_STATUSES) {
      const legal = LEGAL_FROM[action].includes(status);
      it(`${action} from ${status} is ${legal ? 'legal' : 'refused'}`, () => {
        const t = ticket(status);
        if (legal) {
          expect(apply[action](t).status).toBe(RESULT[action]);
        } else {
          let err: unknown;
          try {
            apply[action](t);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(HallError);
          expect((err as HallError).code).toBe('ILLEGAL_TRANSITION');
          // A message a clerk understands: the number, its state and the refused operation, in Chinese.
          expect((err as HallError).message).toContain('A012');
          expect((err as HallError).message).toContain(m.ACTION_LABEL_ZH[action]);
        }
      });
    }
  }

  it('final statuses accept no action at all', () => {
    for (const s of ['finished', 'no_show', 'cancelled', 'expired'] as const) {
      for (const a of Object.keys(apply) as TicketAction[]) expect(m.canApply(a, s)).toBe(false);
    }
  });
});

describe('ticket operations', () => {
  it('call binds the ticket to the window and clerk', () => {
    const t = m.call(ticket('waiting'), at);
    expect(t).toMatchObject({ status: 'called', windowNo: 3, clerkId: 'c3', calledAt: at.now, recallCount: 0 });
  });

  it('recall counts up to the limit, then the next recall makes a no-show', () => {
    let t = m.call(ticket('waiting'), at);
    t = m.recall(t, 2, at.now);
    expect(t).toMatchObject({ status: 'called', recallCount: 1 });
    t = m.recall(t, 2, at.now);
    expect(t).toMatchObject({ status: 'called', recallCount: 2 });
    t = m.recall(t, 2, at.now + 5);
    expect(t).toMatchObject({ status: 'no_show', finishedAt: at.now + 5 });
  });

  it('a recall limit of 0 turns the first recall into a no-show', () => {
    expect(m.recall(ticket('called'), 0, at.now).status).toBe('no_show');
  });

  it('finish straight from called counts service from the call', () => {
    const t = m.finish(ticket('called'), at.now);
    expect(t.servingAt).toBe(T0 + 1);
    expect(t.finishedAt).toBe(at.now);
  });

  it('transfer to a service keeps the number, the issue time and the wait start', () => {
    const t = m.transfer(ticket('serving', { waitFrom: T0 - 5 }), { serviceId: 'tax', note: '需补税' });
    expect(t).toMatchObject({
      status: 'waiting',
      number: 'A012',
      serviceId: 'tax',
      issuedAt: T0,
      waitFrom: T0 - 5,
      windowNo: null,
      clerkId: null,
      targetWindowNo: null,
      transferCount: 1,
      transferredFrom: 3,
      note: '需补税',
    });
  });

  it('requeue sends a called or served ticket back to its own queue, number and wait start kept', () => {
    const t = m.requeue(ticket('serving', { waitFrom: T0 - 5, transferCount: 1, note: '材料齐' }));
    expect(t).toMatchObject({
      status: 'waiting',
      number: 'A012',
      serviceId: 'general',
      issuedAt: T0,
      waitFrom: T0 - 5,
      windowNo: null,
      clerkId: null,
      calledAt: null,
      servingAt: null,
      targetWindowNo: null,
      transferCount: 1,
      note: '材料齐',
    });
  });

  it('transfer to a window reserves the ticket for that window only', () => {
    const t = m.transfer(ticket('called'), { windowNo: 5 });
    expect(t).toMatchObject({ status: 'waiting', targetWindowNo: 5, serviceId: 'general' });
    expect(() => m.call(t, at)).toThrowError(/5 号窗口/);
    expect(m.call(t, { ...at, windowNo: 5 }).status).toBe('called');
  });

  it('transfer to the same service or the same window is refused', () => {
    expect(() => m.transfer(ticket('called'), { serviceId: 'general' })).toThrowError(HallError);
    expect(() => m.transfer(ticket('called'), { windowNo: 3 })).toThrowError(/已在 3 号窗口/);
  });

  it('hold parks the ticket for its window; only that window calls it back', () => {
    const held = m.hold(ticket('serving'));
    expect(held).toMatchObject({ status: 'held', targetWindowNo: 3 });
    expect(() => m.callBack(held, { ...at, windowNo: 4 })).toThrowError(/本窗口不能回呼/);
    expect(m.callBack(held, at)).toMatchObject({ status: 'called', windowNo: 3, targetWindowNo: null });
  });
});
