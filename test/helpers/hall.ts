// Test halls: a real SQLite file in a fresh temp dir, a real HTTP server on 127.0.0.1 at a free port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHallServer, type HallServer, type HallServerOptions } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { parseConfig } from '../../server/config/load';
import type { HallConfig, HallConfigInput } from '../../server/config/schema';
import { WINDOW_COMMANDS, type WindowAction, type WindowCommandArgs } from '../../server/core/commands';
import { EventBus } from '../../server/core/events';
import { HallCore } from '../../server/core/hall-core';
import { openDatabase } from '../../server/store/db';
import { stringify } from 'yaml';
import { afterAll, beforeAll } from 'vitest';
import { issueCap } from '../../server/core/issue-wait';

export const PASSWORD = 'test-pass-1';
// One hash for every test clerk keeps hall start-up fast.
const HASH = hashPassword(PASSWORD);

/** 09:00 in Shanghai on a Monday. */
export const MONDAY_0900 = Date.parse('2026-11-23T01:00:00Z');
/** 10:00 the same day: an hour into the test hall's day, seven before it closes. */
export const MONDAY_1000 = MONDAY_0900 + 3_600_000;

/**
 * A clock that runs at the real pace from 10:00 in Shanghai on a Monday: for tests whose pages and timers need
 * time to pass, and whose texts depend on the hour (after 17:00 every wait adds 可能超过今日办理时间, so a
 * test on the real clock passes by day and fails in the evening).
 */
export function hallHoursClock(start = MONDAY_1000): () => number {
  const t0 = Date.now();
  return () => start + (Date.now() - t0);
}

export class FakeClock {
  constructor(public now = MONDAY_0900) {}
  readonly fn = () => this.now;
  advanceMin(min: number): void {
    this.now += min * 60_000;
  }
}

export function tempDir(prefix = 'hall-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export const KIOSK_TOKEN = 'test-kiosk-token-000000001';
export const BOARD_TOKEN = 'test-board-token-000000001';
export const PAD_TOKEN = 'test-pad1-token-0000000001';
export const LED_TOKEN = 'test-led1-token-0000000001';
export const KEYPAD_TOKEN = 'test-keypad1-token-0000001';
export const BOOKING_TOKEN = 'test-booking-token-0000001';

/** A small hall: general (A), tax (B), social (D); windows 1..n; clerk "c{n}" per window, a supervisor, an admin. */
export function testConfigInput(windows = 4, extra: Partial<HallConfigInput> = {}): HallConfigInput {
  const ws = Array.from({ length: windows }, (_, i) => {
    const no = i + 1;
    const skills: Record<string, number> =
      no % 3 === 1
        ? { general: 1, tax: 2, social: 2 }
        : no % 3 === 2
          ? { tax: 1, general: 2 }
          : { social: 1, general: 3 };
    return {
      no,
      name: `窗口${no}`,
      kind: no % 3 === 1 ? 'comprehensive' : 'domain',
      zone: no <= 2 ? 'A' : 'B',
      skills,
    } as const;
  });
  return {
    hall: {
      id: 'test-hall',
      name: '测试大厅',
      regionCode: '370900',
      timezone: 'Asia/Shanghai',
      open: '09:00',
      close: '17:00',
      autoClose: true,
    },
    // Test halls issue hundreds of tickets on a frozen clock; the limits' own test uses the defaults.
    server: { port: 0, host: '127.0.0.1', rateLimits: { ticketsPerMin: 100_000, ticketsBurst: 100_000 } },
    mqtt: { disabled: true, baseTopic: 'hall/test' },
    services: [
      { id: 'general', name: '综合受理', prefix: 'A', targetWaitMin: 15, dailyCap: 999, avgServiceMin: 8 },
      { id: 'tax', name: '税务', prefix: 'B', targetWaitMin: 20, dailyCap: 999, avgServiceMin: 9 },
      { id: 'social', name: '社保', prefix: 'D', targetWaitMin: 15, dailyCap: 999, avgServiceMin: 7 },
    ],
    windows: ws,
    clerks: [
      ...ws.map((w) => ({ id: `c${w.no}`, name: `办事员${w.no}`, role: 'clerk' as const, passwordHash: HASH })),
      { id: 'sup', name: '值班长', role: 'supervisor', passwordHash: HASH },
      { id: 'adm', name: '管理员', role: 'admin', passwordHash: HASH },
    ],
    devices: [
      { id: 'kiosk-1', kind: 'kiosk', token: KIOSK_TOKEN },
      { id: 'board-a', kind: 'board', zone: 'A', token: BOARD_TOKEN },
      { id: 'pad-1', kind: 'pad', window: 1, token: PAD_TOKEN },
      { id: 'led-1', kind: 'led', window: 1, token: LED_TOKEN },
      { id: 'keypad-1', kind: 'keypad', window: 1, token: KEYPAD_TOKEN },
      { id: 'booking', kind: 'booking', token: BOOKING_TOKEN },
    ],
    ...extra,
  };
}

export function testConfig(windows = 4, extra: Partial<HallConfigInput> = {}): HallConfig {
  return parseConfig(stringify(testConfigInput(windows, extra)), 'test-config');
}

/** A hall core on a real SQLite file, without any server around it. */
export function testCore(config = testConfig(), clock = new FakeClock(), dataDir = tempDir()) {
  const db = openDatabase(dataDir);
  const bus = new EventBus(() => {});
  const core = new HallCore(db, config, clock.fn, bus, Buffer.alloc(32, 7));
  return { core, db, bus, clock, dataDir };
}

/** A clerk operation at a window by its wire name, through the core's command table. */
export function windowCommand(
  core: HallCore,
  no: number,
  action: WindowAction,
  actor: string,
  args: WindowCommandArgs = {},
  key?: string,
) {
  return core.run(WINDOW_COMMANDS[action], { ...args, window: no }, actor, key);
}

export async function startTestHall(opts: Partial<HallServerOptions> = {}): Promise<HallServer & { dataDir: string }> {
  const dataDir = opts.dataDir ?? tempDir();
  const server = await startHallServer({
    config: opts.config ?? testConfig(),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    // Within the hall's hours whatever the hour of the run: on the real clock, a run after 17:00 in Shanghai
    // saw the day cycle close the day under a test (its waiting tickets expired, the kiosk refused numbers).
    clock: hallHoursClock(),
    ...opts,
  });
  return Object.assign(server, { dataDir });
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
}

/** A small JSON client for the hall API. */
export function client(baseUrl: string) {
  async function call<T = any>(
    method: string,
    p: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<ApiResult<T>> {
    const res = await fetch(baseUrl + p, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: kept as text */
    }
    return { status: res.status, body: parsed as T };
  }
  return {
    call,
    get: <T = any>(p: string, token?: string) => call<T>('GET', p, undefined, token),
    post: <T = any>(p: string, body?: unknown, token?: string, headers?: Record<string, string>) =>
      call<T>('POST', p, body ?? {}, token, headers),
    async login(clerkId: string, windowNo?: number): Promise<string> {
      const r = await call('POST', '/api/auth/login', {
        clerkId,
        password: PASSWORD,
        ...(windowNo ? { windowNo } : {}),
      });
      if (r.status !== 200) throw new Error(`login ${clerkId} failed: ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    async issue(serviceId: string, extra: Record<string, unknown> = {}) {
      const r = await call('POST', '/api/tickets', { serviceId, ...extra }, KIOSK_TOKEN);
      if (r.status !== 201) throw new Error(`issue failed: ${JSON.stringify(r.body)}`);
      return r.body.ticket;
    },
  };
}

/**
 * For a test file that asserts a new ticket's own prediction (its exact 前方还有N人): lifts the issue path's
 * 1 ms cap (server/core/issue-wait.ts) for the file. Under the cap a slow machine answers with the matter's
 * ready figure instead (its own line's count; issue-wait.test.ts pins that path).
 */
export function ownPredictionOnIssue(): void {
  const original = issueCap.ms;
  beforeAll(() => {
    issueCap.ms = Infinity;
  });
  afterAll(() => {
    issueCap.ms = original;
  });
}
