// When the supervisor dashboard raises an alert, and what it suggests. Pure: the hall's facts in, the
// conditions that hold now out; the core keeps one alert per condition until it clears.
import { DEFAULT_TIDAL, suggestTidalMove } from './tidal';
import type { WindowState } from './types';

export const ALERT_KINDS = [
  'wait_over_target',
  'queue_long',
  'window_paused',
  'window_calling',
  'device_offline',
  'board_mute',
  'printer',
  'upstream_backlog',
  'upstream_rejected',
  'follow_up_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Kinds that hold while a condition holds (an overdue follow-up is raised once, by an event). */
export const CONDITION_KINDS: readonly AlertKind[] = ALERT_KINDS.filter((k) => k !== 'follow_up_overdue');

export interface AlertCondition {
  kind: AlertKind;
  /** What it is about: a ticket id, service id, window number, device id. */
  subject: string;
  /** The subject's state when it matters (a printer's paper_out vs cover_open are two alerts). */
  state: string | null;
  message: string;
  suggestion: string | null;
}

export interface HallFacts {
  now: number;
  services: { id: string; name: string; targetWaitMin: number; alertWaiting: number; waiting: number }[];
  waiting: { id: string; number: string; serviceId: string; waitFrom: number }[];
  windows: {
    no: number;
    name: string;
    state: WindowState;
    open: boolean;
    staffed: boolean;
    pausedAt: number | null;
    pauseReason: string | null;
    skills: Record<string, number>;
    /** The matters its clerks are trained for (config `canTake`, its skills included). */
    canTake: readonly string[];
    /** On a 潮汐 move now (skills changed for a while): never suggested for another one. */
    moved?: boolean;
    /** The number being called (never started) and since when; null unless the window is calling. */
    calling?: { number: string; since: number } | null;
  }[];
  devices: {
    id: string;
    kind: string;
    state: 'online' | 'offline' | 'unknown';
    since: number | null;
    /** A printer that cannot print: its state and message (缺纸…); null when it prints. */
    fault: { state: string; message: string } | null;
    /** A board online that cannot sound (blocked, no-audio, failed): since when, calls it missed since. */
    mute?: { state: string; since: number; missedCalls: number } | null;
  }[];
  /** Services whose long-queue alert is open now: it clears a little below the limit, not at it. */
  openQueueAlerts?: ReadonlySet<string>;
  /** The oldest event not yet sent upstream and a refusal that halted the sender, or null. */
  upstream: { oldestAt: number; count: number; rejected: string | null } | null;
  limits: {
    pauseMaxMin: number;
    deviceOfflineSec: number;
    upstreamBacklogMin: number;
    boardMuteSec?: number;
    /** A window calling one number this long without starting service, in minutes (alerts.callingMaxMin). */
    callingMaxMin?: number;
    /**
     * Make 潮汐 moves part of the suggestions (alerts.tidalSuggestions; off unless the hall turns it on: the
     * simulator showed no gain from them on city-hall-day, docs/benchmarks.md).
     */
    tidalSuggestions?: boolean;
  };
}

const minutes = (ms: number) => Math.floor(ms / 60_000);

export function alertConditions(f: HallFacts): AlertCondition[] {
  const out: AlertCondition[] = [];
  const service = new Map(f.services.map((s) => [s.id, s]));
  for (const t of f.waiting) {
    const s = service.get(t.serviceId);
    const waited = minutes(f.now - t.waitFrom);
    if (!s || waited < s.targetWaitMin) continue;
    out.push({
      kind: 'wait_over_target',
      subject: t.id,
      state: null,
      message: `${t.number} 号（${s.name}）已等候 ${waited} 分钟，超过目标 ${s.targetWaitMin} 分钟`,
      suggestion: suggestWindow(s.id, f)?.text ?? null,
    });
  }
  for (const s of f.services) {
    // Raised above the limit; once raised it holds until the queue is a fifth below it (at least one), so a
    // queue going 4, 3, 4, 3 around a limit of 3 is one alert, not one a minute (the walk).
    const raised = f.openQueueAlerts?.has(s.id) ?? false;
    const clearsAt = raised
      ? Math.max(0, Math.min(s.alertWaiting - 1, Math.floor(s.alertWaiting * 0.8)))
      : s.alertWaiting;
    if (s.waiting <= clearsAt) continue;
    out.push({
      kind: 'queue_long',
      subject: s.id,
      state: null,
      message:
        s.waiting > s.alertWaiting
          ? `${s.name} 等候 ${s.waiting} 人，超过 ${s.alertWaiting} 人`
          : `${s.name} 等候 ${s.waiting} 人，接近告警线 ${s.alertWaiting} 人`,
      suggestion: suggestWindow(s.id, f)?.text ?? null,
    });
  }
  for (const w of f.windows) {
    if (w.state !== 'paused' || w.pausedAt === null) continue;
    const paused = minutes(f.now - w.pausedAt);
    if (paused < f.limits.pauseMaxMin) continue;
    out.push({
      kind: 'window_paused',
      subject: String(w.no),
      state: null,
      message: `${w.name} 暂停（${w.pauseReason ?? '未说明'}）已 ${paused} 分钟`,
      suggestion: null,
    });
  }
  for (const w of f.windows) {
    // Called and never started: the visitor may be lost, or the clerk forgot to start or skip (issue 22).
    const c = w.calling;
    if (w.state !== 'calling' || !c || f.limits.callingMaxMin === undefined) continue;
    const calling = minutes(f.now - c.since);
    if (calling < f.limits.callingMaxMin) continue;
    out.push({
      kind: 'window_calling',
      subject: String(w.no),
      state: c.number,
      message: `${w.name} 叫号 ${c.number} 已 ${calling} 分钟，仍未开始办理`,
      suggestion: '请窗口确认群众是否到场：已到请开始办理，未到请过号',
    });
  }
  for (const d of f.devices) {
    if (d.fault) {
      out.push({
        kind: 'printer',
        subject: d.id,
        state: d.fault.state,
        message: `${d.id}：${d.fault.message}`,
        suggestion: null,
      });
    } else if (d.state === 'offline' && d.since !== null && f.now - d.since >= f.limits.deviceOfflineSec * 1000) {
      out.push({
        kind: 'device_offline',
        subject: d.id,
        state: null,
        message: `设备 ${d.id} 离线 ${Math.max(1, minutes(f.now - d.since))} 分钟`,
        suggestion: null,
      });
    }
  }
  for (const d of f.devices) {
    const m = d.mute;
    // Mute for a while, and calls went unheard meanwhile (a mute board in an idle hall harms nobody yet).
    if (!m || m.missedCalls === 0 || f.now - m.since < (f.limits.boardMuteSec ?? 60) * 1000) continue;
    const why = MUTE_TEXT[m.state] ?? m.state;
    out.push({
      kind: 'board_mute',
      subject: d.id,
      state: null,
      message: `呼叫屏 ${d.id} 无声（${why}）已 ${Math.max(1, minutes(f.now - m.since))} 分钟，期间叫号 ${m.missedCalls} 次未播报`,
      suggestion:
        m.state === 'blocked'
          ? '在呼叫屏上轻触一次；开机自启动时给 Chromium 加 --autoplay-policy=no-user-gesture-required'
          : '检查呼叫屏的音箱/声卡与音量',
    });
  }
  if (f.upstream && minutes(f.now - f.upstream.oldestAt) >= f.limits.upstreamBacklogMin) {
    out.push({
      kind: 'upstream_backlog',
      subject: 'upstream',
      state: null,
      message: `上报积压 ${f.upstream.count} 条，最早一条已 ${minutes(f.now - f.upstream.oldestAt)} 分钟未送达`,
      suggestion: '检查与市/省平台的网络连接',
    });
  }
  if (f.upstream?.rejected) {
    out.push({
      kind: 'upstream_rejected',
      subject: 'upstream',
      state: null,
      message: `上报被平台拒绝，已暂停发送：${f.upstream.rejected}`,
      suggestion: '核对上报地址与密钥（upstream.url / secret），然后在“上报”处重试',
    });
  }
  return out;
}

const MUTE_TEXT: Record<string, string> = {
  blocked: '浏览器禁止自动播放',
  'no-audio': '没有声音设备',
  failed: '语音播放失败',
};

export interface Suggestion {
  windowNo: number;
  action: 'resume' | 'open' | 'assign' | 'staff';
  text: string;
}

/**
 * Which window to bring to a busy service: a paused window that takes it (resume), a staffed window a
 * supervisor closed (open), then — only where the hall turned 潮汐 suggestions on — the move of
 * server/domain/tidal.ts, the rule the simulator measures (`--tidal`), else an unstaffed window that takes it.
 * Suggestions the simulator has not shown to help are not made (issue 25).
 */
export function suggestWindow(serviceId: string, f: HallFacts): Suggestion | null {
  const name = f.services.find((s) => s.id === serviceId)?.name ?? serviceId;
  const takes = (w: HallFacts['windows'][number]) => w.skills[serviceId] !== undefined;
  // The window whose own matter it is first (level 1), then the nearest level: 税务窗口 before 综合窗口.
  const byLevel = [...f.windows].sort((a, b) => (a.skills[serviceId] ?? 9) - (b.skills[serviceId] ?? 9) || a.no - b.no);
  const paused = byLevel.find((w) => w.state === 'paused' && takes(w));
  if (paused) return { windowNo: paused.no, action: 'resume', text: `恢复 ${paused.name}（可办理${name}）` };
  const closed = byLevel.find((w) => w.staffed && !w.open && takes(w));
  if (closed) return { windowNo: closed.no, action: 'open', text: `开放 ${closed.name}（可办理${name}）` };
  const move = f.limits.tidalSuggestions ? tidalMove(serviceId, f) : null;
  const helper = move && f.windows.find((w) => w.no === move.windowNo);
  if (move && helper) {
    const hours = move.minutes % 60 === 0 ? `${move.minutes / 60} 小时` : `${move.minutes} 分钟`;
    return { windowNo: helper.no, action: 'assign', text: `将 ${helper.name} 设为潮汐窗口，${hours}内优先办理${name}` };
  }
  const unstaffed = byLevel.find((w) => !w.staffed && takes(w));
  if (unstaffed) return { windowNo: unstaffed.no, action: 'staff', text: `安排工作人员登录 ${unstaffed.name}` };
  return null;
}

/** The shared 潮汐 rule on the hall's facts now: queues by their oldest ticket, open staffed windows. */
function tidalMove(serviceId: string, f: HallFacts) {
  const oldest = new Map<string, number>();
  for (const t of f.waiting) oldest.set(t.serviceId, Math.min(oldest.get(t.serviceId) ?? Infinity, t.waitFrom));
  const queues = f.services.map((s) => ({
    serviceId: s.id,
    waiting: s.waiting,
    oldestWaitMin: oldest.has(s.id) ? (f.now - oldest.get(s.id)!) / 60_000 : 0,
    targetWaitMin: s.targetWaitMin,
  }));
  const windows = f.windows
    .filter((w) => w.open && w.state !== 'paused')
    .map((w) => ({ no: w.no, skills: w.skills, canTake: w.canTake, staffed: w.staffed, moved: w.moved ?? false }));
  return suggestTidalMove(queues, windows, { ...DEFAULT_TIDAL, movesLeft: 1 }, serviceId);
}
