import { describe, expect, it } from 'vitest';
import { DayCycle } from '../../server/core/day-cycle';
import type { WindowAction } from '../../server/core/commands';
import { StaffAccess } from '../../server/core/staff';
import { FakeClock, MONDAY_0900, PASSWORD, testConfig, testCore, windowCommand } from '../helpers/hall';

describe('day cycle', () => {
  it('at closing time tickets still waiting expire and issuing stops; the next day starts fresh', () => {
    const h = testCore(testConfig(2), new FakeClock());
    const cycle = new DayCycle(h.core, () => {});
    h.core.run('issueTicket', { serviceId: 'general' }, 'k');
    h.clock.now += 7 * 3600_000 + 59 * 60_000; // 16:59
    cycle.tick();
    expect(h.core.query.serviceViews()[0]!.waiting).toBe(1);
    h.clock.now += 60_000; // 17:00
    cycle.tick();
    expect(h.core.query.serviceViews()[0]!.waiting).toBe(0);
    expect(() => h.core.run('issueTicket', { serviceId: 'general' }, 'k')).toThrowError(/今日已停止取号/);
    h.clock.now += 16 * 3600_000; // next morning 09:00
    cycle.tick();
    expect(h.core.run('issueTicket', { serviceId: 'general' }, 'k').number).toBe('A001');
  });

  it('a hall with autoClose off (the demo) keeps issuing after hours', () => {
    const cfg = testConfig(2);
    cfg.hall.autoClose = false;
    const h = testCore(cfg, new FakeClock());
    h.clock.now += 10 * 3600_000; // 19:00
    new DayCycle(h.core, () => {}).tick();
    expect(h.core.run('issueTicket', { serviceId: 'general' }, 'k').number).toBe('A001');
  });

  it('by the calendar: no numbers before opening, on Sunday or on a holiday; Wednesday stays open late', () => {
    const cfg = testConfig(2);
    cfg.hall.calendar = {
      weekdays: [1, 2, 3, 4, 5],
      hours: { '3': { open: '09:00', close: '19:00' } },
      holidays: ['2026-11-24'],
      workdays: {},
      issueBeforeOpenMin: 15,
    };
    const h = testCore(cfg, new FakeClock(MONDAY_0900 - 60 * 60_000)); // Monday 08:00
    const logs: string[] = [];
    const cycle = new DayCycle(h.core, (m) => logs.push(m));
    const issue = () => h.core.run('issueTicket', { serviceId: 'general' }, 'k');
    expect(issue).toThrowError('今日 08:45 开始取号');
    expect(h.core.query.serviceViews()[0]).toMatchObject({ state: 'closed', stateReason: '今日 08:45 开始取号' });
    h.clock.now += 45 * 60_000; // 08:45
    expect(issue().number).toBe('A001');
    h.clock.now += 16 * 3600_000; // Tuesday 00:45, a holiday
    cycle.tick();
    expect(issue).toThrowError('今日休息，下个办公日 11月25日 09:00');
    expect(logs.pop()).toBe('2026-11-24: 今日休息，下个办公日 11月25日 09:00');
    h.clock.now += 24 * 3600_000 + 17 * 3600_000 + 15 * 60_000; // Wednesday 18:00
    expect(issue().number).toBe('A001');
    h.clock.now += 3600_000; // 19:00
    cycle.tick();
    expect(issue).toThrowError(/今日已停止取号（19:00 闭厅），下个办公日 11月26日 09:00/);
    expect(logs.pop()).toMatch(
      /^day closed at 19:00: 1 ticket\(s\) expired\. 2026-11-25 日结：取号 1，办结 0，过号 0，闭厅作废 1/,
    );
  });

  it('the day summary counts the day by the report definitions and is kept in the event log', async () => {
    const h = testCore(testConfig(2), new FakeClock());
    const staff = new StaffAccess(h.core);
    await staff.login('c1', PASSWORD, 1);
    const cmd = (a: WindowAction) => windowCommand(h.core, 1, a, 'clerk:c1');
    for (let i = 0; i < 4; i++) h.core.run('issueTicket', { serviceId: 'general' }, 'k');
    h.core.run('issueTicket', { serviceId: 'tax' }, 'k');
    h.clock.advanceMin(10);
    cmd('call-next'); // A001 waited 10 min
    cmd('start');
    h.clock.advanceMin(5);
    cmd('finish');
    h.clock.advanceMin(25);
    cmd('call-next'); // A002 waited 40 min (target 30)
    cmd('skip');
    h.clock.now = MONDAY_0900 + 8 * 3600_000; // 17:00
    new DayCycle(h.core, () => {}).tick();
    const s = h.core.query.daySummary('2026-11-23');
    expect(s).toMatchObject({ tickets: 5, served: 1, noShows: 1, expired: 3, meanWaitMin: 25, maxWaitMin: 40 });
    expect(s.withinTarget).toBe(0.5);
    expect(s.busiest).toMatchObject({ serviceId: 'general', tickets: 4 });
    expect(s.text).toContain('取号 5，办结 1，过号 1，闭厅作废 3；平均等候 25 分钟');
    const logged = h.db.prepare(`SELECT data FROM events WHERE type = 'day.summary'`).all() as { data: string }[];
    expect(logged.map((r) => JSON.parse(r.data).tickets)).toEqual([5]);
  });

  it('a clerk token expires after a working day', async () => {
    const h = testCore(testConfig(2), new FakeClock());
    const staff = new StaffAccess(h.core);
    const { token } = await staff.login('c1', PASSWORD, 1);
    expect(staff.authenticate(token)?.kind).toBe('staff');
    h.clock.now += 17 * 3600_000;
    expect(staff.authenticate(token)).toBeNull();
  });
});
