import { describe, expect, it } from 'vitest';
import { DayCycle } from '../../server/core/day-cycle';
import { StaffAccess } from '../../server/core/staff';
import { FakeClock, PASSWORD, testConfig, testCore } from '../helpers/hall';

describe('day cycle', () => {
  it('at closing time tickets still waiting expire and issuing stops; the next day starts fresh', () => {
    const h = testCore(testConfig(2), new FakeClock());
    const cycle = new DayCycle(h.core, () => {});
    h.core.issueTicket({ serviceId: 'general' }, 'k');
    h.clock.now += 7 * 3600_000 + 59 * 60_000; // 16:59
    cycle.tick();
    expect(h.core.serviceViews()[0]!.waiting).toBe(1);
    h.clock.now += 60_000; // 17:00
    cycle.tick();
    expect(h.core.serviceViews()[0]!.waiting).toBe(0);
    expect(() => h.core.issueTicket({ serviceId: 'general' }, 'k')).toThrowError(/今日已停止取号/);
    h.clock.now += 16 * 3600_000; // next morning 09:00
    cycle.tick();
    expect(h.core.issueTicket({ serviceId: 'general' }, 'k').number).toBe('A001');
  });

  it('a hall with autoClose off (the demo) keeps issuing after hours', () => {
    const cfg = testConfig(2);
    cfg.hall.autoClose = false;
    const h = testCore(cfg, new FakeClock());
    h.clock.now += 10 * 3600_000; // 19:00
    new DayCycle(h.core, () => {}).tick();
    expect(h.core.issueTicket({ serviceId: 'general' }, 'k').number).toBe('A001');
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
