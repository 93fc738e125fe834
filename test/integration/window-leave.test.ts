// A visitor left at a window whose clerk is gone (walk of 2026-12-02): 签退 sends the visitor back to the
// queue with number and wait kept, a supervisor can close a window whose clerk logged out mid-visit (the
// visitor goes back too), and the next clerk at a window never starts with someone else's visitor.
import { describe, expect, it } from 'vitest';
import { client, startTestHall } from '../helpers/hall';
import { useCleanup } from '../helpers/wait';

const cleanup = useCleanup();

async function hall() {
  const s = await startTestHall();
  cleanup(() => s.stop());
  return { s, api: client(s.url) };
}

const statusOf = (s: Awaited<ReturnType<typeof hall>>['s'], number: string) =>
  s.db
    .prepare('SELECT status, window_no AS windowNo, issued_at AS issuedAt FROM tickets WHERE number = ?')
    .get(number) as {
    status: string;
    windowNo: number | null;
    issuedAt: number;
  };

describe('a visitor at a window whose clerk is gone', () => {
  it('签退 during a visit: the visitor is back in the queue, number and issue time kept, and is called next', async () => {
    const { s, api } = await hall();
    const a = await api.issue('general');
    await api.issue('general');
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    expect((await api.post('/api/windows/1/call-next', {}, c1)).body.ticket.number).toBe(a.number);
    await api.post('/api/windows/1/start', {}, c1);
    const issuedAt = statusOf(s, a.number).issuedAt;

    expect((await api.post('/api/windows/1/sign-out', {}, sup)).status).toBe(200);
    expect(statusOf(s, a.number)).toEqual({ status: 'waiting', windowNo: null, issuedAt });
    const logged = s.db.prepare("SELECT data FROM events WHERE type = 'ticket.requeued'").all() as { data: string }[];
    expect(logged.map((e) => JSON.parse(e.data))).toEqual([
      expect.objectContaining({
        number: a.number,
        from: 'serving',
        to: 'waiting',
        fromWindow: 1,
        reason: 'signed_out',
      }),
    ]);

    // The window's next clerk starts free; the oldest ticket (the one sent back) is called first anywhere.
    await api.login('c4', 1);
    expect(s.core.query.windowView(1)).toMatchObject({ clerk: { id: 'c4' }, ticket: null });
    const c2 = await api.login('c2', 2);
    expect((await api.post('/api/windows/2/call-next', {}, c2)).body.ticket.number).toBe(a.number);
  });

  it('a clerk who logged out mid-visit: the supervisor closes the window and the visitor goes back to the queue', async () => {
    const { s, api } = await hall();
    const a = await api.issue('general');
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    await api.post('/api/windows/1/call-next', {}, c1);
    expect((await api.post('/api/auth/logout', {}, c1)).status).toBe(200);
    expect(statusOf(s, a.number).status).toBe('called');

    const closed = await api.post('/api/windows/1/open', { open: false }, sup);
    expect(closed.status).toBe(200);
    expect(statusOf(s, a.number)).toMatchObject({ status: 'waiting', windowNo: null });
    expect(s.core.query.windowView(1).ticket).toBeNull();
  });

  it('a window with its clerk still there is not closed under a visitor', async () => {
    const { s, api } = await hall();
    const a = await api.issue('general');
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    await api.post('/api/windows/1/call-next', {}, c1);
    const r = await api.post('/api/windows/1/open', { open: false }, sup);
    expect(r.body.error.code).toBe('WINDOW_BUSY');
    expect(statusOf(s, a.number).status).toBe('called');
  });
});
