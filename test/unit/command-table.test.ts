// The command table (server/core/commands.ts) as HallCore.run applies it: wire names map to commands, every
// command runs in the core's transaction, and idempotency keys keep the window commands' behaviour.
import { beforeEach, describe, expect, it } from 'vitest';
import { commands, WINDOW_COMMANDS } from '../../server/core/commands';
import { StaffAccess } from '../../server/core/staff';
import { HallError } from '../../server/domain/errors';
import { PASSWORD, testConfig, testCore } from '../helpers/hall';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof HallError) return e.code;
    throw e;
  }
  return undefined;
}

describe('command table', () => {
  let h: ReturnType<typeof testCore>;

  beforeEach(async () => {
    h = testCore(testConfig(3));
    const staff = new StaffAccess(h.core);
    for (const w of [1, 2]) await staff.login(`c${w}`, PASSWORD, w);
  });

  it('every wire action of a window names a command of the table, by the glossary', () => {
    for (const name of Object.values(WINDOW_COMMANDS)) expect(commands).toHaveProperty(name);
    expect(WINDOW_COMMANDS).toMatchObject({ 'call-next': 'callNext', 'call-back': 'callBack', call: 'callNumber' });
  });

  it('a window key belongs to the caller at that window: the same key at another window runs again', () => {
    h.core.run('issueTicket', { serviceId: 'general' }, 'k');
    h.core.run('issueTicket', { serviceId: 'general' }, 'k');
    const a = h.core.run('callNext', { window: 1 }, 'clerk:x', 'key-1');
    const again = h.core.run('callNext', { window: 1 }, 'clerk:x', 'key-1');
    expect(again).toEqual(a);
    const b = h.core.run('callNext', { window: 2 }, 'clerk:x', 'key-1');
    expect(b?.number).not.toBe(a?.number);
    expect(codeOf(() => h.core.run('recall', { window: 1 }, 'clerk:x', 'key-1'))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('any command takes a key: a retry changes nothing, another request under it is refused', () => {
    const before = h.core.query.logCount();
    h.core.run('setNotice', { zone: null, text: '今日 12:00 闭厅' }, 'clerk:sup', 'n-1');
    const logged = h.core.query.logCount();
    expect(logged).toBe(before + 1);
    h.core.run('setNotice', { zone: null, text: '今日 12:00 闭厅' }, 'clerk:sup', 'n-1');
    expect(h.core.query.logCount()).toBe(logged);
    expect(codeOf(() => h.core.run('setNotice', { zone: null, text: '别的' }, 'clerk:sup', 'n-1'))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(h.core.query.notice(null)).toBe('今日 12:00 闭厅');
  });

  it('a refused command rolls back everything it wrote and publishes nothing', () => {
    const seen: string[] = [];
    h.bus.on('ticket.changed', (e) => seen.push(e.action));
    const before = h.core.query.logCount();
    expect(codeOf(() => h.core.run('moveTicket', { id: 'nope', to: { windowNo: 99 } }, 'clerk:sup'))).toBe(
      'UNKNOWN_WINDOW',
    );
    expect(codeOf(() => h.core.run('finish', { window: 3 }, 'clerk:c3'))).toBe('NO_CURRENT_TICKET');
    expect(h.core.query.logCount()).toBe(before);
    expect(seen).toEqual([]);
  });

  it('finishing a visit prompts the window’s pad, whether by 办结 or by the next 下一位', () => {
    const prompted: string[] = [];
    h.bus.on('evaluation.changed', (e) => prompted.push(`${e.evaluation.ticketNumber}:${e.evaluation.status}`));
    for (let i = 0; i < 2; i++) h.core.run('issueTicket', { serviceId: 'general' }, 'k');
    h.core.run('callNext', { window: 1 }, 'clerk:c1');
    h.core.run('start', { window: 1 }, 'clerk:c1');
    h.core.run('finish', { window: 1 }, 'clerk:c1');
    expect(prompted).toEqual(['A001:pending']);
    h.core.run('callNext', { window: 1 }, 'clerk:c1');
    h.core.run('start', { window: 1 }, 'clerk:c1');
    prompted.length = 0;
    h.core.run('callNext', { window: 1 }, 'clerk:c1'); // 下一位 finishes A002 first
    expect(prompted).toContain('A002:pending');
  });
});
