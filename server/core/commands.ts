// Every state change of the hall, in one table: a command is `(ctx, args) → result`, run by HallCore.run
// inside the core's one SQLite transaction (after the day rollover) with the actor and, optionally, an
// idempotency key. Events collected in ctx.tx go out only after the commit. Adapters call
// `core.run('callNext', { window: 3 }, actor, key)`: the name picks the argument and result types.
import { ackAlert, reconcileAlerts } from './alerts';
import { addAppointments, recordMissedAppointments } from './appointments';
import { applyConfig } from './config-commands';
import { chooseLevel, requestEvaluation, setCaseNo, submitEvaluation, sweepEvaluations } from './evaluations';
import { followUpStep } from './follow-ups';
import { closeDay, pruneIdempotencyKeys, recordDaySummary, turnDay } from './hall-day';
import { issueTicket, openTicketsOfPerson } from './issue-ticket';
import { setNotice } from './notice';
import { storePhoto } from './photo-commands';
import { endDeadSession, logout, openSession, revokeSessions, signOutWindow, sweepSessions } from './staff-commands';
import type { Ctx } from './state';
import { cancelTicket, moveTicket, notePrint, setPriority } from './ticket-admin';
import { noteUpstreamRetry, queueHourlyStats } from './upstream-outbox';
import * as atWindow from './window-commands';
import type { AtWindow, WindowAction } from './window-commands';
import { endTimedSkills, setSkills, setWindowOpen } from './window-plan';

export const commands = {
  // visitors and tickets
  issueTicket,
  cancelTicket,
  setPriority,
  moveTicket,
  openTicketsOfPerson,
  notePrint,
  addAppointments,
  /** Booked appointments past their slot and the late limit become no-shows (core/appointment-sweep.ts). */
  recordMissedAppointments,
  // a clerk at a window (one handler each: window-commands.ts)
  callNext: atWindow.callNext,
  recall: atWindow.recall,
  start: atWindow.start,
  skip: atWindow.skip,
  finish: atWindow.finish,
  hold: atWindow.hold,
  callBack: atWindow.callBack,
  transfer: atWindow.transfer,
  callNumber: atWindow.callNumber,
  pause: atWindow.pause,
  resume: atWindow.resume,
  // the window plan and the boards (supervisor)
  setSkills,
  endTimedSkills,
  setWindowOpen,
  setNotice,
  // live settings (admin)
  applyConfig,
  storePhoto,
  // staff sessions
  openSession,
  logout,
  signOutWindow,
  revokeSessions,
  sweepSessions,
  endDeadSession,
  // 好差评 and follow-ups
  requestEvaluation,
  chooseLevel,
  submitEvaluation,
  sweepEvaluations,
  setCaseNo,
  followUpStep,
  // alerts
  reconcileAlerts,
  ackAlert,
  // the hall day and housekeeping
  turnDay,
  closeDay,
  recordDaySummary,
  pruneIdempotencyKeys,
  // the upstream outbox
  queueHourlyStats,
  noteUpstreamRetry,
} satisfies Record<string, (ctx: Ctx, args: never) => unknown>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** A command's arguments (`{}` for those that take none). */
export type ArgsOf<N extends CommandName> = Parameters<Commands[N]> extends [Ctx, infer A] ? A : Record<string, never>;
export type ResultOf<N extends CommandName> = ReturnType<Commands[N]>;

/** The window commands by their wire names (HTTP `POST /api/windows/:no/:action`, MQTT keypads). */
export const WINDOW_COMMANDS = {
  'call-next': 'callNext',
  recall: 'recall',
  start: 'start',
  skip: 'skip',
  finish: 'finish',
  hold: 'hold',
  'call-back': 'callBack',
  transfer: 'transfer',
  call: 'callNumber',
  pause: 'pause',
  resume: 'resume',
} as const satisfies Record<WindowAction, CommandName>;

export type WindowCommandName = (typeof WINDOW_COMMANDS)[WindowAction];

const WIRE_NAME = Object.fromEntries(Object.entries(WINDOW_COMMANDS).map(([wire, name]) => [name, wire])) as Record<
  WindowCommandName,
  WindowAction
>;

/**
 * What an idempotency key is bound to and what counts as "the same request" (core/idempotency.ts). A window
 * command's key belongs to the caller at that window, and its request is the wire action with its
 * arguments (as before the table: keys stored by an older server still answer); any other command's key
 * belongs to the caller, and its request is the command's name with its arguments.
 */
export function idempotencyScope(
  name: CommandName,
  args: unknown,
): { windowNo: number | null; request: [string, object] } {
  if (name in WIRE_NAME) {
    const { window, ...rest } = args as AtWindow;
    return { windowNo: window, request: [WIRE_NAME[name as WindowCommandName], rest] };
  }
  return { windowNo: null, request: [name, (args ?? {}) as object] };
}

export type { AtWindow, WindowAction, WindowCommandArgs } from './window-commands';
export type { IssueInput } from './issue-ticket';
