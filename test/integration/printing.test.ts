// Issue → ESC/POS bytes over TCP → the virtual printer on loopback decodes the expected ticket; a printer
// out of paper, open or off is shown to the kiosk and raised to supervisors, and the ticket still exists.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docQrCodes, docText } from '../../devices/escpos/document';
import { VirtualPrinter } from '../../devices/virtual-printer';
import type { HallServer } from '../../server/app';
import { BOARD_TOKEN, KIOSK_TOKEN, client, startTestHall, testConfig, testConfigInput } from '../helpers/hall';
import { recordEvents } from '../helpers/sockets';
import { sleep, until } from '../helpers/wait';

let printer: VirtualPrinter;
let s: HallServer;
let api: ReturnType<typeof client>;
const sockets: Socket[] = [];

const listen = (ns: string, auth: Record<string, unknown>, events: string[]) =>
  recordEvents(s.url, ns, auth, events, sockets);

beforeEach(async () => {
  printer = new VirtualPrinter('printer-1');
  const port = await printer.start(0, '127.0.0.1');
  const base = testConfigInput(3);
  const config = testConfig(3, {
    devices: [...(base.devices ?? []), { id: 'printer-1', kind: 'printer', kiosk: 'kiosk-1', host: '127.0.0.1', port }],
  });
  s = await startTestHall({ config, printerPollMs: 150, printerTimeoutMs: 1000 });
  api = client(s.url);
});

afterEach(async () => {
  sockets.splice(0).forEach((x) => x.disconnect());
  await s.stop();
  await printer.stop();
});

describe('ticket printing', () => {
  it('prints the issued ticket: hall, service, number, people ahead, wait, time, QR to the ticket page, notice', async () => {
    await api.login('c1', 1); // a window serves 综合受理, so the ticket can give a wait (else 当前暂无窗口办理)
    await api.issue('general');
    const r = await api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(r.status).toBe(201);
    expect(r.body.print).toMatchObject({ printerId: 'printer-1', state: 'ok', printed: true });
    expect(printer.printed).toHaveLength(2);
    const doc = printer.printed[1]!.doc;
    const text = docText(doc);
    expect(text[0]).toBe('测试大厅');
    expect(text).toContain('综合受理');
    expect(text).toContain('A002');
    expect(text).toContain('前方还有1人');
    // The predicted wait with its 80% range (issue 25).
    expect(text.some((l) => /^预计等候约\d+分钟(（\d+–\d+）)?$/.test(l))).toBe(true);
    expect(text.some((l) => /^取号时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(l))).toBe(true);
    expect(text).toContain('过号请重新取号');
    expect(doc.cut).toBe(true);
    const [url] = docQrCodes(doc);
    expect(url).toBe(r.body.ticket.statusUrl);
    expect(url).toMatch(/\/t\/[A-Za-z0-9_-]{16}$/);
    // The QR code's page answers with the ticket, without personal data.
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    const status = await api.get(`/api/tickets/${r.body.ticket.id}`);
    expect(status.body.ticket).toMatchObject({ number: 'A002', status: 'waiting', waitingAhead: 1 });
    expect(JSON.stringify(status.body)).not.toContain('idMasked');
  });

  it('out of paper: nothing printed, the kiosk and supervisors are told, the ticket is valid and can be reprinted', async () => {
    const sup = await api.login('sup');
    const supervisor = listen('/supervisor', { token: sup }, ['alert', 'printer']);
    const kiosk = listen('/kiosk', { token: KIOSK_TOKEN }, ['state', 'printer']);
    await until(() => kiosk.state!.length, 'kiosk state');
    expect(kiosk.state![0].printer).toMatchObject({ id: 'printer-1', state: 'ok' });

    printer.set({ paperOut: true });
    const r = await api.post('/api/tickets', { serviceId: 'tax' }, KIOSK_TOKEN);
    expect(r.status).toBe(201);
    expect(r.body.print).toMatchObject({ state: 'paper_out', printed: false });
    expect(r.body.print.message).toContain('缺纸');
    expect(printer.printed).toHaveLength(0);
    expect((await api.get(`/api/tickets/${r.body.ticket.id}`)).body.ticket.status).toBe('waiting');

    await until(() => supervisor.alert!.length, 'a supervisor alert');
    expect(supervisor.alert![0]).toMatchObject({ kind: 'printer', subject: 'printer-1', state: 'paper_out' });
    await until(() => kiosk.printer!.some((p) => p.state === 'paper_out'), 'the kiosk told of paper out');
    const devices = await api.get('/api/devices', sup);
    expect(devices.body.devices.find((d: any) => d.id === 'printer-1')).toMatchObject({ printer: 'paper_out' });

    printer.set({ paperOut: false });
    const again = await api.post(`/api/tickets/${r.body.ticket.id}/reprint`, {}, KIOSK_TOKEN);
    expect(again.status).toBe(200);
    expect(again.body.print).toMatchObject({ state: 'ok', printed: true });
    expect(docText(printer.printed[0]!.doc)).toEqual(expect.arrayContaining(['B001', '（补打）']));
    const log = s.db
      .prepare("SELECT type FROM events WHERE ticket_id = ? AND type LIKE 'ticket.print%' ORDER BY seq")
      .all(r.body.ticket.id) as { type: string }[];
    expect(log.map((x) => x.type)).toEqual(['ticket.print_failed', 'ticket.printed']);
  });

  it('a printer switched off is offline; a cover left open is seen by the status watch without any ticket', async () => {
    const sup = await api.login('sup');
    const supervisor = listen('/supervisor', { token: sup }, ['alert', 'printer']);
    await until(() => supervisor.printer !== undefined, 'listening');
    printer.set({ coverOpen: true });
    await until(() => supervisor.alert!.some((a) => a.state === 'cover_open'), 'a cover-open alert from the watch');

    printer.set({ coverOpen: false });
    printer.online = false;
    const r = await api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(r.status).toBe(201);
    expect(r.body.print).toMatchObject({ state: 'offline', printed: false });
    expect(r.body.print.message).toContain('离线');
    const health = await api.get('/api/health');
    expect(health.body.printers).toEqual([expect.objectContaining({ id: 'printer-1', state: 'offline' })]);
  });

  it('a printer dropping connections or hanging: tickets still issue at once, none is claimed printed that was not, printing resumes by itself', async () => {
    const issue = () => api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    // Dropped halfway through each ticket: issued, told, nothing on paper (a half ticket has no cut).
    printer.fault = 'mid-job';
    const dropped = await Promise.all([issue(), issue(), issue()]);
    for (const r of dropped) {
      expect(r.status).toBe(201);
      expect(r.body.print).toMatchObject({ state: 'offline', printed: false });
    }
    expect(printer.printed).toHaveLength(0);

    // Hung: the kiosk's answer is bounded by the printer timeout, not held by the printer.
    printer.fault = 'silent';
    const started = performance.now();
    const hung = await issue();
    expect(hung.status).toBe(201);
    expect(hung.body.print).toMatchObject({ state: 'offline', printed: false });
    expect(performance.now() - started).toBeLessThan(10_000);

    // Flaky: every other connection drops; each ticket reported printed is on paper exactly once.
    printer.fault = 'flaky';
    const flaky = [];
    for (let i = 0; i < 6; i++) flaky.push(await issue());
    const claimed = flaky.filter((r) => r.body.print.printed).map((r) => r.body.ticket.number);
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.length).toBeLessThan(6);
    expect(printer.printed.map((p) => docText(p.doc).find((l) => /^A\d{3}$/.test(l)))).toEqual(claimed);

    // Back to normal: the next ticket prints without any restart, reprints fill the gaps once each.
    printer.fault = 'none';
    const ok = await issue();
    expect(ok.body.print).toMatchObject({ state: 'ok', printed: true });
    const missing = [...dropped, hung, ...flaky].filter((r) => !r.body.print.printed);
    for (const r of missing) {
      const again = await api.post(`/api/tickets/${r.body.ticket.id}/reprint`, {}, KIOSK_TOKEN);
      expect(again.body.print).toMatchObject({ state: 'ok', printed: true });
    }
    const onPaper = printer.printed.map((p) => docText(p.doc).find((l) => /^A\d{3}$/.test(l)));
    expect(new Set(onPaper).size).toBe(onPaper.length);
    expect(onPaper.sort()).toEqual(Array.from({ length: 11 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect((await api.get('/api/health')).body.printers[0]).toMatchObject({ id: 'printer-1', state: 'ok' });
  });

  it('a printer hung for many poll periods: status polls do not pile up, so a ticket is answered after one poll', async () => {
    // Each poll of a hung printer lasts the 1 s timeout; polls come every 150 ms. Queued one per period, 3 s of
    // hanging left about 17 polls ahead of the next ticket's print (17 s before the kiosk heard anything).
    printer.fault = 'silent';
    await sleep(3000);
    const started = performance.now();
    const r = await api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(r.status).toBe(201);
    expect(r.body.print).toMatchObject({ state: 'offline', printed: false });
    // At most the poll in flight and the ticket's own session (2 s here), whatever the hang lasted.
    expect(performance.now() - started).toBeLessThan(10_000);
    printer.fault = 'none';
    await until(async () => (await api.get('/api/health')).body.printers[0].state === 'ok', 'the printer back');
  });

  it('a reprint of a finished ticket, or from a device that is not a kiosk, is refused', async () => {
    const t = await api.issue('general');
    const c1 = await api.login('c1', 1);
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    const r = await api.post(`/api/tickets/${t.id}/reprint`, {}, KIOSK_TOKEN);
    expect(r.status).toBe(409);
    const waiting = await api.issue('tax');
    const board = await api.post(`/api/tickets/${waiting.id}/reprint`, {}, BOARD_TOKEN);
    expect(board.status).toBe(403);
    expect(printer.printed).toHaveLength(2);
  });
});
