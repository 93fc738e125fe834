// The hall config file (DESIGN.md §6), validated at the edge. `npm run config-schema` writes the JSON
// Schema editors use (docs/hall-config.schema.json) from this same definition.
import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { alertsSchema } from './alerts-schema';
import { routingSchema } from './routing-schema';
import { PRIORITIES, WINDOW_KINDS } from '../domain/types';
import { checkTls, tlsSchema } from './tls-schema';
import { voiceSchema } from './voice-schema';

// Chinese first: the validation messages of every schema (config file, admin page, HTTP bodies) are zod's
// zh-CN ones, e.g. 数值过小：期望 alerts.queueWaiting >=1, not "Too small: expected number to be >=1".
z.config(zhCN());

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为时间 "HH:MM"');
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, '只能用字母、数字、"_"、"." 或 "-"');
const token = z.string().min(16, '设备令牌至少 16 个字符').max(256);

const date = z.iso.date('应为日期 "YYYY-MM-DD"');
const hours = z.strictObject({ open: hhmm, close: hhmm });

/** Working days and hours (server/domain/calendar.ts); without one the hall works every day. */
const calendar = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
    hours: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), hours).default({}),
    holidays: z.array(date).default([]),
    workdays: z.record(date, z.strictObject({ open: hhmm.optional(), close: hhmm.optional() })).default({}),
    issueBeforeOpenMin: z.number().int().min(0).max(240).default(0),
  })
  .superRefine((c, ctx) => {
    for (const d of c.holidays) {
      if (c.workdays[d]) ctx.addIssue({ code: 'custom', path: ['workdays', d], message: `${d} 同时列为了节假日` });
    }
  });

const hall = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  regionCode: z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码'),
  timezone: z.string().refine(isTimeZone, '未知的时区（应为 IANA 名称，如 Asia/Shanghai）').default('Asia/Shanghai'),
  open: hhmm.default('09:00'),
  close: hhmm.default('17:00'),
  /** Expire tickets still waiting at closing time (a demo hall running at night turns this off). */
  autoClose: z.boolean().default(true),
  /** Opens and closes the hall by itself per day (needs autoClose). */
  calendar: calendar.optional(),
});

const server = z.strictObject({
  port: z.number().int().min(0).max(65535).default(8080),
  host: z.string().default('0.0.0.0'),
  publicUrl: z.url().optional(),
  /** HTTPS beside plain HTTP (README "Security" → "TLS"); off when absent. */
  tls: tlsSchema.optional(),
  /** Per client address (failed logins) and per issuing device or clerk (tickets). */
  rateLimits: z
    .strictObject({
      loginFailuresPerMin: z.number().positive().max(1000).default(5),
      loginFailuresBurst: z.number().int().min(1).max(1000).default(10),
      /** Per account (whatever the address): failures before any delay, then 1 s, 2 s, 4 s … up to the maximum. */
      loginAccountFreeFailures: z.number().int().min(1).max(1000).default(10),
      loginAccountMaxDelaySec: z.number().int().min(1).max(3600).default(30),
      ticketsPerMin: z.number().positive().max(100_000).default(120),
      ticketsBurst: z.number().int().min(1).max(100_000).default(60),
    })
    .prefault({}),
});

const mqtt = z.union([
  z.strictObject({
    embedded: z.strictObject({
      /** MQTT over TLS with the server's certificate (default 8883 when server.tls is on). */
      tlsPort: z.number().int().min(0).max(65535).optional(),
      port: z.number().int().min(0).max(65535).default(1883),
      /**
       * The address the broker listens on: the hall device LAN's own address keeps it off every other
       * network of the server. Default: server.host (0.0.0.0, every interface, unless set).
       */
      host: z
        .string()
        .min(1)
        .optional()
        .describe("The address the embedded broker listens on (the device LAN's); default: server.host"),
    }),
    baseTopic: z.string().min(1).default('hall'),
  }),
  z.strictObject({
    url: z.string().regex(/^mqtts?:\/\//, '应以 mqtt:// 或 mqtts:// 开头'),
    username: z.string().optional(),
    password: z.string().optional(),
    baseTopic: z.string().min(1),
  }),
  z.strictObject({ disabled: z.literal(true), baseTopic: z.string().default('hall') }),
]);

const service = z.strictObject({
  id,
  name: z.string().min(1).max(50),
  prefix: z.string().regex(/^[A-Z]{1,2}$/, '一到两个大写字母'),
  targetWaitMin: z.number().positive().max(600),
  dailyCap: z.number().int().positive().max(9999),
  avgServiceMin: z.number().positive().max(600).default(10),
  field: z.string().max(50).optional(),
  matterCodes: z.array(z.string().max(64)).default([]),
  /** Anti-hoarding: one open ticket per ID number for this service (when an ID number is given). */
  onePerPerson: z.boolean().default(true),
  /** When the kiosk issues numbers for this service (e.g. stop 30 minutes before closing); else all day. */
  hours: z.strictObject({ from: hhmm, to: hhmm }).optional(),
  /** More waiting than this raises a queue alert for the service (default: alerts.queueWaiting). */
  alertWaiting: z.number().int().min(1).max(10_000).optional(),
});

const window = z.strictObject({
  no: z.number().int().positive().max(9999),
  name: z.string().min(1).max(50),
  kind: z.enum(WINDOW_KINDS),
  zone: z.string().min(1).max(20).default('A'),
  skills: z.record(z.string(), z.number().int().min(1).max(9)),
  priorities: z.array(z.enum(PRIORITIES)).optional(),
  /**
   * The matters its clerks are trained for (潮汐: a suggestion may give the window only these, besides its
   * skills); default: its skills.
   */
  canTake: z.array(z.string()).max(200).optional(),
});

const passwordHash = z
  .string()
  .regex(
    /^scrypt:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
    '应为 "scrypt:<salt b64>:<key b64>"（用 npm run hash-password 生成）',
  );

const clerk = z.strictObject({
  id,
  name: z.string().min(1).max(50),
  /** `guide`: the guide desk (导服台): finds, reprints, cancels, prioritises and moves tickets; no window. */
  role: z.enum(['clerk', 'supervisor', 'admin', 'guide']),
  passwordHash,
  photoUrl: z.string().max(500).optional(),
  /** A clerk who may no longer log in (kept for the records that name him); his sessions end. */
  disabled: z.boolean().optional(),
});

const device = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.literal('kiosk'), token }),
  z.strictObject({
    id,
    kind: z.literal('printer'),
    kiosk: id,
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(9100),
    /** Paper roll width in mm: 80 (48 columns) or 58 (32 columns). */
    paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
    /** The server runs a virtual printer at host:port (demos; its tickets at /printers/{id}). */
    virtual: z.boolean().default(false),
  }),
  z.strictObject({ id, kind: z.literal('board'), zone: z.string().min(1), token }),
  /** The LCD over one window (窗口屏): its name, clerk on duty, the ticket called or served. */
  z.strictObject({ id, kind: z.literal('windowScreen'), window: z.number().int().positive(), token }),
  z.strictObject({ id, kind: z.literal('led'), window: z.number().int().positive(), token }),
  z.strictObject({ id, kind: z.literal('pad'), window: z.number().int().positive(), token }),
  z.strictObject({ id, kind: z.literal('keypad'), window: z.number().int().positive(), token }),
  /** The booking system (预约平台): may load appointments through the API. */
  z.strictObject({ id, kind: z.literal('booking'), token }),
]);

const upstream = z.strictObject({
  url: z.url(),
  secret: z.string().min(16),
  batchSize: z.number().int().min(1).max(5000).default(200),
  /** At most this many batches a second (the platform's rate limit). */
  batchesPerSec: z.number().positive().max(100).default(5),
  /** Retry delay: doubles from minMs up to maxMs, with jitter. */
  retry: z
    .strictObject({
      minMs: z.number().int().min(10).max(60_000).default(1000),
      maxMs: z.number().int().min(100).max(3_600_000).default(300_000),
    })
    .prefault({}),
  /** One request's time limit. */
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  /** Which numbering the platform uses for evaluation levels besides the name (DESIGN.md §6). */
  levelCode: z.enum(['gbt', 'provincial']).default('provincial'),
  /** 好差评 channel codes per evaluation channel (the platform's code list). */
  channelCodes: z.record(z.string(), z.string().max(16)).default({ pad: '1', hardware_pad: '2' }),
});

export { routingSchema } from './routing-schema';

const rules = z.strictObject({
  /** Recalls allowed before a further recall turns the ticket into a no-show. */
  recallLimit: z.number().int().min(0).max(10).default(2),
  /** A second call-next from the same window within this time returns the same ticket. */
  doublePressMs: z.number().int().min(0).max(60_000).default(3000),
  /** Reasons a clerk picks from when pausing a window. */
  pauseReasons: z
    .array(z.string().min(1).max(20))
    .min(1)
    .max(20)
    .default(['午休', '会议', '培训', '临时离开', '业务咨询', '其他']),
});

const appointments = z.strictObject({
  /** How early before the slot a visitor may check in. */
  earlyMin: z.number().int().min(0).max(720).default(60),
  /** How late after the slot's end a check-in still counts as an appointment. */
  lateMin: z.number().int().min(0).max(240).default(15),
  /** Later than that: a normal ticket (walk_in) or no ticket (refuse). */
  tooLate: z.enum(['walk_in', 'refuse']).default('walk_in'),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 "YYYY-MM-DD"');

const evaluation = z.strictObject({
  /** Seconds the pad waits for an answer before recording 未评价 (never a default rating). */
  timeoutSec: z.number().int().min(5).max(600).default(60),
  /** Reasons a visitor picks for 不满意 / 非常不满意 (at least one is required). */
  reasons: z
    .array(z.string().min(1).max(20))
    .min(1)
    .max(20)
    .default(['等候时间长', '服务态度差', '办事效率低', '政策解释不清', '材料要求多或反复跑', '环境设施不便', '其他']),
  /** Working days to finish a negative-review follow-up. */
  followUpDays: z.number().int().min(1).max(60).default(5),
  /** The hall calendar for those working days: holidays off, make-up weekend days worked (调休). */
  holidays: z.array(day).default([]),
  workdays: z.array(day).default([]),
});

/** When the supervisor dashboard raises (and sounds) an alert. */
/** Nightly online backups of the database (README "Backups and restore"). */
const backup = z.strictObject({
  /** Local time of the nightly backup (after closing). */
  at: hhmm.default('22:30'),
  /** Backups kept; older ones are deleted. */
  keep: z.number().int().min(1).max(365).default(14),
  /** Where they go; default `backups/` in the data directory (better on another disk). */
  dir: z.string().min(1).optional(),
  disabled: z.boolean().default(false),
});

const display = z.strictObject({
  announcement: z.string().min(1).max(200).default('请{ticket}号到{window}号窗口办理'),
  /** How many times the board speaks each announcement. */
  repeat: z.number().int().min(1).max(5).default(2),
  /** Seconds a call stays large on the board (and flashes) when no other call follows. */
  bigCallSec: z.number().int().min(5).max(3600).default(60),
  /** The board's scrolling notice until a supervisor sets another. */
  notice: z.string().max(200).default('请留意叫号，过号请重新取号。办事过程中如有疑问，请咨询导服台。'),
  /** The short notice printed at the foot of every ticket. */
  ticketNotice: z.string().min(1).max(60).default('过号请重新取号'),
});

export const hallConfigSchema = z
  .strictObject({
    hall,
    server: server.prefault({}),
    mqtt: mqtt.default({ embedded: { port: 1883 }, baseTopic: 'hall' }),
    services: z.array(service).min(1),
    windows: z.array(window).min(1),
    clerks: z.array(clerk).default([]),
    devices: z.array(device).default([]),
    upstream: upstream.optional(),
    routing: routingSchema.prefault({}),
    rules: rules.prefault({}),
    display: display.prefault({}),
    voice: voiceSchema.prefault({}),
    appointments: appointments.prefault({}),
    evaluation: evaluation.prefault({}),
    alerts: alertsSchema.prefault({}),
    backup: backup.prefault({}),
  })
  .superRefine((c, ctx) => {
    checkTls(c, ctx);
    // A secret (a device token) is never echoed back in the message: the admin page shows it to whoever saves.
    const dup = (items: { value: unknown; path: (string | number)[] }[], what: string, secret = false) => {
      const seen = new Set<unknown>();
      for (const { value, path } of items) {
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path, message: `${what}重复${secret ? '' : `：${JSON.stringify(value)}`}` });
        seen.add(value);
      }
    };
    dup(
      c.services.map((s, i) => ({ value: s.id, path: ['services', i, 'id'] })),
      '事项编号',
    );
    dup(
      c.services.map((s, i) => ({ value: s.prefix, path: ['services', i, 'prefix'] })),
      '号码前缀',
    );
    dup(
      c.windows.map((w, i) => ({ value: w.no, path: ['windows', i, 'no'] })),
      '窗口号',
    );
    dup(
      c.clerks.map((k, i) => ({ value: k.id, path: ['clerks', i, 'id'] })),
      '工作人员编号',
    );
    dup(
      c.devices.map((d, i) => ({ value: d.id, path: ['devices', i, 'id'] })),
      '设备编号',
    );
    dup(
      c.devices.flatMap((d, i) => ('token' in d ? [{ value: d.token, path: ['devices', i, 'token'] }] : [])),
      '设备令牌',
      true,
    );
    const services = new Set(c.services.map((s) => s.id));
    const windows = new Set(c.windows.map((w) => w.no));
    const zones = new Set(c.windows.map((w) => w.zone));
    const kiosks = new Set(c.devices.filter((d) => d.kind === 'kiosk').map((d) => d.id));
    c.windows.forEach((w, i) => {
      for (const s of Object.keys(w.skills)) {
        if (!services.has(s))
          ctx.addIssue({ code: 'custom', path: ['windows', i, 'skills', s], message: `未知的事项 "${s}"` });
      }
      (w.canTake ?? []).forEach((s, k) => {
        if (!services.has(s))
          ctx.addIssue({ code: 'custom', path: ['windows', i, 'canTake', k], message: `未知的事项 "${s}"` });
      });
    });
    if (c.routing.bottlenecks !== 'auto')
      c.routing.bottlenecks.forEach((id, i) => {
        if (!services.has(id))
          ctx.addIssue({ code: 'custom', path: ['routing', 'bottlenecks', i], message: `未知的事项 "${id}"` });
      });
    c.devices.forEach((d, i) => {
      if ('window' in d && !windows.has(d.window)) {
        ctx.addIssue({ code: 'custom', path: ['devices', i, 'window'], message: `没有 ${d.window} 号窗口` });
      }
      if (d.kind === 'board' && !zones.has(d.zone)) {
        ctx.addIssue({ code: 'custom', path: ['devices', i, 'zone'], message: `区域 "${d.zone}" 中没有窗口` });
      }
      if (d.kind === 'printer' && !kiosks.has(d.kiosk)) {
        ctx.addIssue({ code: 'custom', path: ['devices', i, 'kiosk'], message: `未知的取号机 "${d.kiosk}"` });
      }
    });
    c.services.forEach((s, i) => {
      if (s.hours && s.hours.from >= s.hours.to)
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'hours', 'to'],
          message: '结束时间（to）须晚于开始时间（from）',
        });
    });
    // Every opening hours: the hall's, each weekday's, and each worked day's (which may give one end only).
    const cal = c.hall.calendar;
    const span = (path: PropertyKey[], open: string, close: string) => {
      if (open >= close) ctx.addIssue({ code: 'custom', path, message: '闭厅时间须晚于开厅时间' });
    };
    span(['hall', 'close'], c.hall.open, c.hall.close);
    for (const [wd, h] of Object.entries(cal?.hours ?? {}))
      span(['hall', 'calendar', 'hours', wd, 'close'], h!.open, h!.close);
    for (const [d, h] of Object.entries(cal?.workdays ?? {}))
      span(['hall', 'calendar', 'workdays', d], h.open ?? c.hall.open, h.close ?? c.hall.close);
    if (cal && (c.evaluation.holidays.length || c.evaluation.workdays.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluation', 'holidays'],
        message: '节假日和调休工作日只在 hall.calendar 中列一次（回访期限也按它计算）',
      });
    }
    if (cal && !c.hall.autoClose) {
      ctx.addIssue({
        code: 'custom',
        path: ['hall', 'calendar'],
        message: '设置了办公日历，大厅按日历自动开闭厅：请设 autoClose: true',
      });
    }
  });

export type HallConfigInput = z.input<typeof hallConfigSchema>;
export type HallConfig = z.output<typeof hallConfigSchema>;
export type DeviceConfig = HallConfig['devices'][number];
export type ClerkConfig = HallConfig['clerks'][number];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
