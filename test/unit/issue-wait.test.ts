// A new ticket's predicted wait on the issue path (core/issue-wait.ts): its own prediction within the cap,
// the matter's ready figure past it (never blank), and the waiting line kept in memory (core/wait-cache.ts)
// equal to the database's through every kind of ticket change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWaiting } from '../../server/core/hall-state';
import { issueCap } from '../../server/core/issue-wait';
import { StaffAccess } from '../../server/core/staff';
import type { CoreState } from '../../server/core/state';
import { cacheOf } from '../../server/core/wait-cache';
import type { WindowAction } from '../../server/core/commands';
import { seededRandom } from '../../server/domain/random';
import { FakeClock, PASSWORD, testConfig, testCore, windowCommand } from '../helpers/hall';

const ORIGINAL_CAP = issueCap.ms;

describe('the predicted wait on the issue path', () => {
  let h: ReturnType<typeof testCore>;
  const issue = (serviceId: string, extra = {}) => h.core.run('issueTicket', { serviceId, ...extra }, 'device:kiosk-1');
  const cmd = (no: number, action: WindowAction, args = {}) => windowCommand(h.core, no, action, `clerk:c${no}`, args);
  /** The core's private state, as the wait modules take it. */
  const coreState = () => (h.core.query as unknown as { s: CoreState }).s;

  beforeEach(async () => {
    // The tickets a test issues before it sets the cap: their own prediction, however busy the machine.
    issueCap.ms = Infinity;
    h = testCore(testConfig(4), new FakeClock());
    const staff = new StaffAccess(h.core);
    for (const w of [1, 2, 3]) await staff.login(`c${w}`, PASSWORD, w);
  });
  afterEach(() => {
    issueCap.ms = ORIGINAL_CAP;
    h.db.close();
  });

  it('within the cap: the ticket’s own prediction, people ahead counted, what the printer then prints', () => {
    for (let i = 0; i < 6; i++) issue('general');
    const t = issue('general');
    expect(t.waitingAhead).toBe(6);
    expect(t.estimatedWait).toMatchObject({ servedNow: true });
    expect(t.estimatedWait!.minutes).toBeGreaterThan(0);
    expect(h.core.query.ticketStatus(t.id)).toMatchObject({ estimatedWait: t.estimatedWait, waitingAhead: 6 });
    expect(h.core.query.issuePredictionTimes()).toMatchObject({ issues: 7, ready: 0, n: 7 });
  });

  it('past the cap: the matter’s ready figure and the line’s count ahead, never blank', () => {
    for (let i = 0; i < 6; i++) issue('tax', i === 4 ? { priority: 'elderly' } : {});
    // What the kiosk's button shows for a tax ticket taken now.
    const ready = h.core.query.serviceViews().find((s) => s.id === 'tax')!.estimatedWait;
    expect(ready).not.toBeNull();
    issueCap.ms = 0;
    const t = issue('tax');
    expect(t.estimatedWait).toEqual(ready);
    // Priority first: the elderly visitor counts; the others came earlier.
    expect(t.waitingAhead).toBe(6);
    // The printer, asked right after, prints what the kiosk shows.
    expect(h.core.query.ticketStatus(t.id)).toMatchObject({ estimatedWait: t.estimatedWait, waitingAhead: 6 });
    const elderly = issue('tax', { priority: 'disabled' });
    expect(elderly.waitingAhead).toBe(1);
    expect(elderly.estimatedWait).not.toBeNull();
    // A priority visitor past the cap gets the figure for a priority visitor taken now, never an ordinary
    // visitor's minutes beside a priority visitor's count (the walk: 前方还有0人 · 约61分钟).
    expect(elderly.estimatedWait!.minutes).toBeLessThan(t.estimatedWait!.minutes);
    const mattersReady = cacheOf(coreState()).services!.value.get('tax')!;
    expect(elderly.estimatedWait).toEqual(mattersReady.priority.wait);
    expect(h.core.query.issuePredictionTimes()).toMatchObject({ issues: 8, ready: 2 });
  });

  it('past the cap in a burst: those who took a number since the figure was made count (never 即将叫号 behind them)', () => {
    // Only window 1 serves 综合受理 now.
    cmd(2, 'pause', { reason: '休息' });
    cmd(3, 'pause', { reason: '休息' });
    // Window 1 is free: the kiosk's figure for a ticket taken now says 即将叫号.
    expect(h.core.query.serviceViews().find((s) => s.id === 'general')!.estimatedWait).toMatchObject({ minutes: 0 });
    issue('general'); // A001 takes it; the figure is refreshed only a moment later
    issueCap.ms = 0;
    const t = issue('general'); // A002 waits behind A001's visit
    expect(t.waitingAhead).toBe(1);
    expect(t.estimatedWait!.minutes).toBeGreaterThanOrEqual(1);
  });

  it('past the cap just after a window opens for the matter: never the figure made while nobody served it', () => {
    issue('social');
    cmd(1, 'pause', { reason: '休息' });
    cmd(3, 'pause', { reason: '休息' });
    // The kiosk reads the figures while nobody serves 社保 (the whole horizon, not served).
    expect(h.core.query.serviceViews().find((s) => s.id === 'social')!.servedNow).toBe(false);
    cmd(3, 'resume');
    issueCap.ms = 0;
    const t = issue('social');
    expect(t.servedNow).toBe(true);
    expect(t.estimatedWait).toMatchObject({ servedNow: true });
    expect(t.estimatedWait!.minutes).toBeLessThan(60); // one ahead at a 7-minute matter, not 超过4小时
  });

  it('past the cap with no open window for the matter: a figure that says nobody serves it now', () => {
    issue('social');
    // Windows 1 and 3 take 社保; both go on a break.
    cmd(1, 'pause', { reason: '休息' });
    cmd(3, 'pause', { reason: '休息' });
    h.core.query.serviceViews();
    issueCap.ms = 0;
    const t = issue('social');
    expect(t.servedNow).toBe(false);
    expect(t.estimatedWait).toMatchObject({ servedNow: false });
    expect(t.waitingAhead).toBe(1);
  });

  it('keeps the waiting line in memory equal to the database through every kind of change', () => {
    const cs = coreState();
    const u = seededRandom(5);
    const services = ['general', 'tax', 'social'];
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)]!;
    const day = h.core.today();
    h.core.query.serviceViews(); // reads the line once
    const kept = cacheOf(cs).line;
    const done = new Set<string>();
    const actions = [
      'issue',
      'issue',
      'issue',
      'call-next',
      'finish',
      'skip',
      'hold',
      'call-back',
      'transfer',
      'call',
    ] as const;
    for (let step = 0; step < 300; step++) {
      h.clock.advanceMin(Math.round(u() * 120) / 60);
      const no = pick([1, 2, 3]);
      const action = pick(actions);
      try {
        if (action === 'issue') issue(pick(services), u() < 0.2 ? { priority: 'elderly' } : {});
        else if (action === 'call') cmd(no, 'call', { ticketId: pick(readWaiting(cs, day).map((c) => c.ticketId)) });
        else if (action === 'transfer')
          cmd(no, 'transfer', u() < 0.5 ? { serviceId: pick(services) } : { windowNo: pick([1, 2, 3]) });
        else if (action === 'call-back') {
          const held = h.core.query.heldTickets(no)[0];
          if (held) cmd(no, 'call-back', { ticketId: held.id });
        } else cmd(no, action);
        done.add(action);
      } catch {
        // A command refused in this state (nothing to finish, …) changes nothing.
      }
      // Kept by the ticket events, never read again: the same line, equal to the database's.
      const line = cacheOf(cs).line;
      expect(line).toBe(kept);
      expect(line?.day).toBe(day);
      const byId = (a: { ticketId: string }, b: { ticketId: string }) => (a.ticketId < b.ticketId ? -1 : 1);
      expect([...line!.waiting.values()].sort(byId)).toEqual(readWaiting(cs, day).sort(byId));
    }
    expect([...done].sort()).toEqual([...new Set(actions)].sort());
  });
});
