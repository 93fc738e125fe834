// The routing rule in the hall core: bottleneck matters named in the config or computed from the hall's
// own history of the same weekday, and why each ticket was called (its urgency terms) in the event log.
import { describe, expect, it } from 'vitest';
import { StaffAccess } from '../../server/core/staff';
import { FakeClock, MONDAY_0900, PASSWORD, testConfig, testCore, windowCommand } from '../helpers/hall';

const WEEK_MIN = 7 * 24 * 60;
const MONDAY = '2026-11-23';

async function hall(routing: Record<string, unknown> = {}, clock = new FakeClock()) {
  const h = testCore(testConfig(4, { routing } as never), clock);
  const staff = new StaffAccess(h.core);
  for (const w of [1, 2, 3, 4]) await staff.login(`c${w}`, PASSWORD, w);
  return h;
}

describe('routing in the hall', () => {
  it('a bottleneck matter named in the config is not deferred by a window that only helps with it', async () => {
    for (const [bottlenecks, expected] of [
      [['tax'], 'tax'],
      [[], 'general'],
    ] as const) {
      const h = await hall({ bottlenecks });
      const tax = h.core.run('issueTicket', { serviceId: 'tax' }, 'device:kiosk-1');
      h.clock.advanceMin(1);
      const general = h.core.run('issueTicket', { serviceId: 'general' }, 'device:kiosk-1');
      h.clock.advanceMin(1);
      // Window 1 takes general first and helps tax (level 2).
      const called = windowCommand(h.core, 1, 'call-next', 'clerk:c1');
      expect(called?.id, `bottlenecks ${JSON.stringify(bottlenecks)}`).toBe(expected === 'tax' ? tax.id : general.id);
      const data = h.core.query.ticketHistory(called!.id).find((e) => e.type === 'ticket.called')!.data;
      expect(data).toMatchObject({ level: 1, bottleneck: expected === 'tax', priorityFirst: false });
      for (const term of ['urgency', 'waitedMin', 'targetRatio', 'nearTarget', 'shortMatter', 'rescue', 'levelPenalty'])
        expect(typeof data[term], term).toBe('number');
    }
  });

  it('"auto" finds a bottleneck in the same weekday of earlier weeks; without history there is none', async () => {
    const clock = new FakeClock(MONDAY_0900 - WEEK_MIN * 60_000);
    // Bottleneck matters are a per-hall setting (off by default): this hall turns them on.
    const h = await hall({ bottlenecks: 'auto' }, clock);
    expect(h.core.query.routingFacts('2026-11-16').bottlenecks).toEqual([]);
    // A week ago: social security (windows 1, 3 and 4 of 4) took nearly all the visitors.
    for (let i = 0; i < 30; i++) h.core.run('issueTicket', { serviceId: 'social' }, 'device:kiosk-1');
    for (let i = 0; i < 2; i++) h.core.run('issueTicket', { serviceId: 'general' }, 'device:kiosk-1');
    clock.advanceMin(WEEK_MIN);
    expect(h.core.query.routingFacts(MONDAY).bottlenecks).toEqual(['social']);
    // A matter every window may take (general) is the hall itself, never a bottleneck of its own.
  });

  it('an admin’s live save that names or clears the bottlenecks counts from the next call, the same day', async () => {
    const h = await hall();
    expect(h.core.query.routingFacts(MONDAY).bottlenecks).toEqual([]);
    const saved = structuredClone(h.core.config);
    saved.routing = { ...saved.routing, bottlenecks: ['tax'] };
    h.core.run('applyConfig', { saved, running: saved, expectVersion: 0, source: 'admin' }, 'clerk:adm');
    expect(h.core.query.routingFacts(MONDAY).bottlenecks).toEqual(['tax']);
    const cleared = structuredClone(h.core.config);
    cleared.routing = { ...cleared.routing, bottlenecks: [] };
    h.core.run('applyConfig', { saved: cleared, running: cleared, expectVersion: 1, source: 'admin' }, 'clerk:adm');
    expect(h.core.query.routingFacts(MONDAY).bottlenecks).toEqual([]);
  });

  it('a priority visitor goes to the front of its own matter’s line and the log says so', async () => {
    const h = await hall();
    const first = h.core.run('issueTicket', { serviceId: 'tax' }, 'device:kiosk-1');
    h.clock.advanceMin(3);
    const prio = h.core.run('issueTicket', { serviceId: 'tax', priority: 'elderly' }, 'device:kiosk-1');
    h.clock.advanceMin(1);
    const called = windowCommand(h.core, 2, 'call-next', 'clerk:c2');
    expect(called?.id).toBe(prio.id);
    const data = h.core.query.ticketHistory(prio.id).find((e) => e.type === 'ticket.called')!.data;
    expect(data).toMatchObject({ priorityFirst: true, level: 1 });
    expect(data.waitedMin).toBeCloseTo(4); // the matter's oldest ticket, still waiting
    h.clock.advanceMin(1);
    expect(windowCommand(h.core, 2, 'call-next', 'clerk:c2')?.id).toBe(first.id);
  });
});
