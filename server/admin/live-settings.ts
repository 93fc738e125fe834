// Live settings (issue 21, DESIGN.md §6 "Admin"): read the configuration without its secrets, save a
// change (validated with the file's schema, applied by the core's `applyConfig` in one transaction, then
// the adapters whose settings changed restart), list the saved versions and return to one of them.
import { newToken } from '../auth/tokens';
import { formatPath } from '../config/load';
import { hallConfigSchema, type HallConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import { HallError } from '../domain/errors';
import { summarise, type ChangeSummary } from './config-changes';
import { mergeSecrets, redact } from './config-secrets';

export interface SaveResult extends ChangeSummary {
  version: number;
  newTokens: Record<string, string>;
}

export interface LiveSettingsOptions {
  /** This process's overrides on top of a saved configuration (test ports, the broker's address). */
  overlay: (saved: HallConfig) => HallConfig;
  /** Adapters that take new settings while running ('voice', 'upstream', 'printers'), and how. */
  restart?: { names: ReadonlySet<string>; run: (name: string, config: HallConfig) => Promise<void> };
  log: (msg: string, e?: unknown) => void;
}

export class LiveSettings {
  constructor(
    private readonly core: HallCore,
    private readonly o: LiveSettingsOptions,
  ) {}

  private current(): { version: number; config: HallConfig } {
    const c = this.core.query.savedConfig();
    if (!c) throw new HallError('NOT_FOUND', '没有已保存的配置');
    return c;
  }

  get(): { version: number; config: Record<string, unknown> } {
    const c = this.current();
    return { version: c.version, config: redact(c.config) };
  }

  history(): { versions: ReturnType<HallCore['query']['configHistory']>; current: number } {
    return { versions: this.core.query.configHistory(), current: this.current().version };
  }

  async save(version: number, sent: unknown, actor: string): Promise<SaveResult> {
    const before = this.current();
    if (version !== before.version)
      throw new HallError('VERSION_CONFLICT', `配置已被他人修改（当前版本 ${before.version}），请刷新后重试`, {
        version: before.version,
      });
    const merged = mergeSecrets(sent, before.config);
    const parsed = hallConfigSchema.safeParse(merged.input);
    const issues = [
      ...merged.problems,
      ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))),
    ];
    // The hall is never left without someone who can change it back.
    if (parsed.success && !parsed.data.clerks.some((k) => k.role === 'admin' && !k.disabled))
      issues.push({ path: 'clerks', message: 'keep at least one admin who is not disabled' });
    if (!parsed.success || issues.length) {
      throw new HallError('VALIDATION', `配置有误：${issues.map((i) => `${i.path}: ${i.message}`).join('；')}`, {
        where: 'config',
        problems: issues.map((i) => `${i.path}: ${i.message}`),
        issues,
      });
    }
    return this.apply(before, parsed.data, actor, 'admin', null, merged.newTokens);
  }

  /**
   * A change made by a route of its own rather than the whole form (a clerk's photo): applied to the
   * running configuration as a new version, checked with the file's schema like a save.
   */
  async edit(actor: string, note: string, change: (c: HallConfig) => HallConfig): Promise<SaveResult> {
    const before = this.current();
    const parsed = hallConfigSchema.safeParse(change(structuredClone(before.config)));
    if (!parsed.success)
      throw new HallError('VALIDATION', `配置有误：${parsed.error.issues.map((i) => formatPath(i.path)).join('；')}`);
    return this.apply(before, parsed.data, actor, 'admin', note, {});
  }

  /**
   * Returns to a saved version, as a new version. Devices that are not in the running configuration come
   * back with new tokens (a revoked token stays revoked); the others keep the token they have now.
   */
  async restore(version: number, actor: string): Promise<SaveResult> {
    const before = this.current();
    const target = this.core.query.savedConfig(version);
    if (!target) throw new HallError('NOT_FOUND', `没有第 ${version} 版配置`);
    const parsed = hallConfigSchema.safeParse(target.config);
    if (!parsed.success) throw new HallError('VALIDATION', `第 ${version} 版配置已不符合当前程序的格式`);
    const newTokens: Record<string, string> = {};
    const config = parsed.data;
    config.devices = config.devices.map((d) => {
      if (!('token' in d)) return d;
      const now = before.config.devices.find((x) => x.id === d.id && x.kind === d.kind);
      if (now && 'token' in now) return { ...d, token: now.token };
      return { ...d, token: (newTokens[d.id] = newToken()) };
    });
    // A clerk's password is the one he has now, not the one he had then.
    config.clerks = config.clerks.map((k) => {
      const now = before.config.clerks.find((x) => x.id === k.id);
      return now ? { ...k, passwordHash: now.passwordHash } : k;
    });
    return this.apply(before, config, actor, 'restore', `v${version}`, newTokens);
  }

  private async apply(
    before: { version: number; config: HallConfig },
    saved: HallConfig,
    actor: string,
    source: 'admin' | 'restore',
    note: string | null,
    newTokens: Record<string, string>,
  ): Promise<SaveResult> {
    const running = this.o.overlay(saved);
    const { version } = this.core.run(
      'applyConfig',
      { saved, running, expectVersion: before.version, source, note },
      actor,
    );
    const restart = this.o.restart;
    const summary = summarise(before.config, saved, restart?.names ?? new Set());
    if (restart) {
      for (const name of restart.names) {
        const key = name === 'printers' ? 'devices' : (name as keyof HallConfig);
        if (JSON.stringify(before.config[key]) === JSON.stringify(saved[key])) continue;
        // Saved and running already; an adapter that fails to take it is logged and reported.
        await restart.run(name, running).catch((e: unknown) => {
          this.o.log(`admin: ${name} did not take the new settings`, e);
          summary.needsRestart.push(name);
        });
      }
    }
    return { version, ...summary, newTokens };
  }
}
