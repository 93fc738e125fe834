// 好差评 through the HTTP API and the /pad and /supervisor namespaces: a finished visit prompts the pad,
// the pad's answer is recorded against the right ticket, window, clerk and service, 未评价 on timeout, one
// evaluation per visit, bad ratings need a reason and open a follow-up, figures per clerk.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { FakeClock, PAD_TOKEN, client, startTestHall } from '../helpers/hall';
import { recordEvents } from '../helpers/sockets';
import { until } from '../helpers/wait';

let s: HallServer;
let api: ReturnType<typeof client>;
let clock: FakeClock;
let c1: string;
let sup: string;
const sockets: Socket[] = [];

beforeEach(async () => {
  clock = new FakeClock();
  s = await startTestHall({ clock: clock.fn, sweepMs: 60_000 });
  api = client(s.url);
  c1 = await api.login('c1', 1);
  sup = await api.login('sup');
});
afterEach(async () => {
  sockets.splice(0).forEach((x) => x.disconnect());
  await s.stop();
});

const listen = (ns: string, auth: Record<string, unknown>, events: string[]) =>
  recordEvents(s.url, ns, auth, events, sockets);

/** Serves one visit at window 1 and returns its ticket and the pending evaluation's id. */
async function serve(service = 'general') {
  const t = await api.issue(service);
  await api.post('/api/windows/1/call-next', {}, c1);
  await api.post('/api/windows/1/start', {}, c1);
  clock.advanceMin(4);
  await api.post('/api/windows/1/finish', {}, c1);
  const e = s.db.prepare('SELECT id FROM evaluations WHERE ticket_id = ?').get(t.id) as { id: string };
  return { ticket: t, evaluationId: e.id };
}

const rate = (id: string, body: unknown, token = PAD_TOKEN) => api.post(`/api/evaluations/${id}`, body, token);

describe('evaluations', () => {
  it('a finished visit prompts the pad; the answer is recorded against ticket, window, clerk and service', async () => {
    const pad = listen('/pad', { token: PAD_TOKEN }, ['state', 'prompt']);
    await until(() => pad.state!.length, 'pad state');
    expect(pad.state![0].prompt).toMatchObject({ state: 'idle', clerk: { id: 'c1', name: '办事员1' } });
    expect(pad.state![0].reasons).toContain('等候时间长');
    const { ticket, evaluationId } = await serve();
    await until(() => pad.prompt!.some((p) => p.state === 'evaluate'), 'the evaluate prompt');
    expect(pad.prompt!.find((p) => p.state === 'evaluate')).toMatchObject({
      ticket: ticket.number,
      evaluationId,
      service: '综合受理',
    });

    await api.post(`/api/tickets/${ticket.id}/case`, { caseNo: 'BJ2026112300017' }, c1);
    const r = await rate(evaluationId, { level: 'very_satisfied' });
    expect(r.status).toBe(200);
    expect(r.body.evaluation).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      windowNo: 1,
      clerkId: 'c1',
      serviceId: 'general',
      caseNo: 'BJ2026112300017',
      status: 'rated',
      level: 'very_satisfied',
      levelText: '非常满意',
      gbtCode: 1,
      provincialCode: 5,
      channel: 'pad',
    });
    await until(() => pad.prompt!.at(-1)?.state === 'idle', 'the pad back to idle');
    const again = await rate(evaluationId, { level: 'dissatisfied', reasons: ['等候时间长'] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EVALUATION_DONE');
    const list = await api.get('/api/evaluations?from=2026-11-23', sup);
    expect(list.body.evaluations).toHaveLength(1);
    expect((await api.get('/api/windows/1/today', c1)).body.satisfaction).toBe(1);
  });

  it('only a pad may answer: not the clerk, not a supervisor', async () => {
    const { evaluationId } = await serve();
    const clerk = await rate(evaluationId, { level: 'very_satisfied' }, c1);
    expect(clerk.status).toBe(403);
    expect(clerk.body.error.message).toContain('评价器');
    expect((await rate(evaluationId, { level: 'very_satisfied' }, sup)).status).toBe(403);
    expect(s.db.prepare('SELECT status FROM evaluations').get()).toEqual({ status: 'pending' });
  });

  it('a bad rating without a reason is refused and changes nothing; with one it opens a follow-up', async () => {
    const { evaluationId } = await serve();
    const before = JSON.stringify(s.db.prepare('SELECT * FROM evaluations').all());
    const bad = await rate(evaluationId, { score: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('REASON_REQUIRED');
    expect((await rate(evaluationId, { level: 'dissatisfied', reasons: ['瞎编'] })).status).toBe(400);
    expect((await rate(evaluationId, { level: 'great' })).status).toBe(400);
    expect(JSON.stringify(s.db.prepare('SELECT * FROM evaluations').all())).toBe(before);

    const ok = await rate(evaluationId, { score: 1, reasons: ['服务态度差'], comment: '说话不耐烦' });
    expect(ok.body.evaluation).toMatchObject({ level: 'very_dissatisfied', gbtCode: 5, provincialCode: 1 });
    const fu = await api.get('/api/follow-ups', sup);
    expect(fu.body.followUps).toHaveLength(1);
    // Monday 2026-11-23 + 5 working days.
    expect(fu.body.followUps[0]).toMatchObject({ state: 'callback', deadline: '2026-11-30', overdue: false });
  });

  it('no answer in time records 未评价, never a default rating', async () => {
    const pad = listen('/pad', { token: PAD_TOKEN }, ['state', 'prompt']);
    await until(() => pad.state!.length, 'pad state');
    const { evaluationId } = await serve();
    clock.now += 61_000;
    s.core.run('sweepEvaluations', {}, 'system');
    expect(s.db.prepare('SELECT status, level FROM evaluations').get()).toEqual({ status: 'unrated', level: null });
    await until(() => pad.prompt!.at(-1)?.state === 'idle', 'the pad back to idle');
    expect((await rate(evaluationId, { level: 'very_satisfied' })).body.error.code).toBe('EVALUATION_DONE');
    const fig = await api.get('/api/evaluations/figures?by=clerk&from=2026-11-23', sup);
    expect(fig.body.figures[0]).toMatchObject({
      key: 'c1',
      visits: 1,
      rated: 0,
      unrated: 1,
      evaluationRate: 0,
      satisfactionRate: null,
    });
  });

  it('the clerk’s 请评价 asks while serving; the next visit’s prompt ends an unanswered one as 未评价', async () => {
    await api.issue('general');
    await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    expect((await api.post('/api/windows/1/evaluate', {}, c1)).status).toBe(409); // called, not yet serving
    await api.post('/api/windows/1/start', {}, c1);
    const asked = await api.post('/api/windows/1/evaluate', {}, c1);
    expect(asked.body.evaluation.status).toBe('pending');
    await api.post('/api/windows/1/call-next', {}, c1); // finishes the first: no second prompt for it
    await api.post('/api/windows/1/start', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    const rows = s.db.prepare('SELECT status FROM evaluations ORDER BY prompted_at').all();
    expect(rows).toEqual([{ status: 'unrated' }, { status: 'pending' }]);
  });

  it('the next visitor’s service starting ends the last one’s unanswered prompt: the pad serves the visitor now there', async () => {
    const { evaluationId } = await serve();
    const next = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    // While the next visitor is only called, the one before may still be rating at the counter.
    expect(s.core.query.padPrompt(1)).toMatchObject({ state: 'evaluate', evaluationId });
    await api.post('/api/windows/1/start', {}, c1);
    expect(s.core.query.padPrompt(1)).toMatchObject({ state: 'serving', ticket: next.number });
    expect(s.db.prepare('SELECT status FROM evaluations WHERE id = ?').get(evaluationId)).toEqual({
      status: 'unrated',
    });
  });

  it('follow-ups: callback → fix → feedback → closed; an appeal upheld voids the rating; overdue raises an alert', async () => {
    const supSock = listen('/supervisor', { token: sup }, ['alert', 'followUp']);
    const a = await serve();
    await rate(a.evaluationId, { level: 'dissatisfied', reasons: ['等候时间长'] });
    const b = await serve();
    await rate(b.evaluationId, { level: 'very_dissatisfied', reasons: ['服务态度差'] });
    const [fb, fa] = (await api.get('/api/follow-ups', sup)).body.followUps;
    for (const note of ['已电话回访', '已整改', '已反馈']) {
      const r = await api.post(`/api/follow-ups/${fa.id}/advance`, { note }, sup);
      expect(r.status).toBe(200);
    }
    const closed = (await api.get('/api/follow-ups', sup)).body.followUps.find((f: any) => f.id === fa.id);
    expect(closed.state).toBe('closed');
    expect(closed.history.map((h: any) => [h.type, h.note])).toEqual([
      ['followup.opened', null],
      ['followup.fix', '已电话回访'],
      ['followup.feedback', '已整改'],
      ['followup.closed', '已反馈'],
    ]);
    expect((await api.post(`/api/follow-ups/${fa.id}/advance`, {}, sup)).status).toBe(409);

    await api.post(`/api/follow-ups/${fb.id}/appeal`, { note: '监控显示群众误评' }, sup);
    const upheld = await api.post(`/api/follow-ups/${fb.id}/decide`, { upheld: true, note: '复核成立' }, sup);
    expect(upheld.body.followUp).toMatchObject({ state: 'voided', evaluation: { voided: true } });
    const fig = await api.get('/api/evaluations/figures?by=clerk&from=2026-11-23', sup);
    expect(fig.body.figures[0]).toMatchObject({ rated: 1, negative: 1 }); // the voided one no longer counts
    expect((await api.post(`/api/follow-ups/${fb.id}/advance`, {}, c1)).status).toBe(403);

    // A third, left open past its deadline.
    const c = await serve();
    await rate(c.evaluationId, { level: 'dissatisfied', reasons: ['办事效率低'] });
    clock.advanceMin(60 * 24 * 9);
    s.core.run('sweepEvaluations', {}, 'system');
    await until(() => supSock.alert!.length, 'an overdue alert');
    expect(supSock.alert![0]).toMatchObject({ kind: 'follow_up_overdue' });
    s.core.run('sweepEvaluations', {}, 'system');
    expect(supSock.alert).toHaveLength(1); // alerted once
  });
});
