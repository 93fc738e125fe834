// Live settings (issue 21): the hall's configuration changes while it runs. `applyConfig` swaps the hall's
// plan (services, windows, clerks, devices, hours, routing, voice) inside one transaction, after checking
// that the change loses nothing: a service with open tickets or a window in use cannot be removed. Tickets
// already issued keep their numbers (the day's counters are per prefix and stay). Every saved version is
// kept (store/config-versions.ts): a return to an earlier one is itself a new version.
import { createHash } from 'node:crypto';
import { hallConfigSchema, type HallConfig } from '../config/schema';
import { HallError } from '../domain/errors';
import { ConfigStore, type ConfigSource } from '../store/config-versions';
import type { Db } from '../store/db';
import { HallModel } from './hall-model';
import { sweepSessions } from './sessions';
import type { Ctx } from './state';

export interface ApplyConfigArgs {
  /** What is stored: the configuration as saved (with its secrets), without this process's overrides. */
  saved: HallConfig;
  /** What the hall runs: `saved` with the start's overrides (test ports, the broker's address). */
  running: HallConfig;
  /** The version the change was made from: another save in between is a conflict (409). */
  expectVersion: number;
  source: Exclude<ConfigSource, 'file'>;
  note?: string | null;
}

export function configHash(c: HallConfig): string {
  return createHash('sha256').update(JSON.stringify(c)).digest('hex');
}

/**
 * The configuration a hall starts with. The file is imported as a new version whenever it differs from the
 * one last imported (so editing the YAML and restarting still works); otherwise the newest saved version
 * (an admin's change) runs. Runs before the core exists, on the core's own database.
 */
export function startingConfig(
  db: Db,
  file: HallConfig,
  now: number,
  log: (msg: string) => void = () => {},
): { config: HallConfig; version: number } {
  const store = new ConfigStore(db);
  const hash = configHash(file);
  const lastImport = store.list(10_000).find((v) => v.source === 'file');
  const latest = store.latest();
  if (latest && lastImport && store.get(lastImport.version)?.fileHash === hash) {
    const parsed = hallConfigSchema.safeParse(latest.config);
    if (parsed.success) return { config: parsed.data, version: latest.version };
    log(`saved configuration version ${latest.version} no longer validates: the file is imported again`);
  }
  const version = db.transaction(() =>
    store.add({ config: file, savedBy: 'system', savedAt: now, source: 'file', fileHash: hash, note: null }),
  )();
  return { config: file, version };
}

/** Open tickets of removed services, and removed windows still in use: the change would lose them. */
function checkNothingLost(ctx: Ctx, next: HallConfig): void {
  const { state, day } = ctx;
  const services = new Set(next.services.map((s) => s.id));
  const windows = new Set(next.windows.map((w) => w.no));
  const open = [
    ...state.tickets.waitingOrHeldOn(day),
    ...state.windows.all().flatMap((r) => {
      const t = state.currentTicket(r);
      return t ? [t] : [];
    }),
  ];
  const problems: string[] = [];
  for (const s of state.model.services.values()) {
    if (services.has(s.id)) continue;
    const n = open.filter((t) => t.serviceId === s.id).length;
    if (n) problems.push(`services: “${s.name}”(${s.id}) still has ${n} open ticket(s) today`);
  }
  for (const row of state.windows.all()) {
    if (windows.has(row.no) || !state.model.windows.has(row.no)) continue;
    if (row.clerkId) problems.push(`windows: window ${row.no} has clerk ${row.clerkId} logged in`);
    const n = open.filter((t) => t.targetWindowNo === row.no || t.windowNo === row.no).length;
    if (n) problems.push(`windows: window ${row.no} still has ${n} open ticket(s)`);
  }
  if (problems.length)
    throw new HallError('CONFIG_LOSES_TICKETS', `此更改会丢失排队中的号：${problems.join('；')}`, { problems });
}

export function applyConfig(ctx: Ctx, a: ApplyConfigArgs): { version: number } {
  const { state, tx, now, actor } = ctx;
  const current = state.configs.latest()?.version ?? 0;
  if (a.expectVersion !== current)
    throw new HallError('VERSION_CONFLICT', `配置已被他人修改（当前版本 ${current}），请刷新后重试`, {
      version: current,
    });
  checkNothingLost(ctx, a.running);
  const before = state.model;
  const version = state.configs.add({
    config: a.saved,
    savedBy: actor,
    savedAt: now,
    source: a.source,
    fileHash: null,
    note: a.note ?? null,
  });
  state.model = new HallModel(a.running);
  state.windows.ensure([...state.model.windows.keys()]);
  // A window whose skills the admin changed takes them at its next call: a supervisor's live change to the
  // old skills (潮汐窗口) ends here.
  for (const row of state.windows.all()) {
    const was = before.windows.get(row.no);
    const now_ = state.model.windows.get(row.no);
    if (!was || !now_ || JSON.stringify(was.skills) === JSON.stringify(now_.skills) || row.skills === null) continue;
    state.windows.save({ ...row, skills: null, skillsUntil: null, skillsRevert: null });
  }
  // Removed or disabled clerks and changed passwords: their sessions end now (their sockets are closed).
  sweepSessions(ctx);
  state.log.append({
    at: now,
    type: 'config.changed',
    actor,
    data: { version, source: a.source, note: a.note ?? null },
  });
  for (const no of state.model.windows.keys()) tx.windows.add(no);
  tx.queues = true;
  const changed = Object.keys(a.running).filter(
    (k) => JSON.stringify(before.config[k as keyof HallConfig]) !== JSON.stringify(a.running[k as keyof HallConfig]),
  );
  tx.events.push({ type: 'config.changed', payload: { version, changed } });
  return { version };
}
