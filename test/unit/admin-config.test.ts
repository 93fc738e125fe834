// Live settings, one module at a time: the secrets taken out and put back, what needs a restart, which
// configuration a hall starts with (the file imported again only when it changed), and applyConfig's
// refusals inside the core.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../server/admin/config-changes';
import { mergeSecrets, redact } from '../../server/admin/config-secrets';
import { startingConfig } from '../../server/core/config-commands';
import { openDatabase } from '../../server/store/db';
import { KIOSK_TOKEN, tempDir, testConfig, testCore } from '../helpers/hall';

describe('secrets', () => {
  it('are never in what the browser gets, and are kept when the browser sends the rest back', () => {
    const stored = testConfig(2, { upstream: { url: 'https://up.example/x', secret: 'upstream-secret-0123456789' } });
    const shown = redact(stored);
    const text = JSON.stringify(shown);
    expect(text).not.toContain(KIOSK_TOKEN);
    expect(text).not.toContain('scrypt:');
    expect(text).not.toContain('upstream-secret');
    const m = mergeSecrets(shown, stored);
    expect(m.problems).toEqual([]);
    expect(m.newTokens).toEqual({});
    expect(m.input).toEqual(JSON.parse(JSON.stringify(stored)));
  });

  it('a new device gets a token, a re-tokened one a new one; a new clerk needs a password, stored hashed', () => {
    const stored = testConfig(2);
    const shown = redact(stored) as any;
    shown.devices.push({ id: 'board-x', kind: 'board', zone: 'A' });
    shown.devices.find((d: any) => d.id === 'kiosk-1').rotateToken = true;
    shown.clerks.push({ id: 'n1', name: '新', role: 'clerk', password: 'long-enough' });
    shown.clerks.push({ id: 'n2', name: '无密码', role: 'clerk' });
    shown.clerks.push({ id: 'n3', name: '短', role: 'clerk', password: 'short' });
    const m = mergeSecrets(shown, stored);
    expect(Object.keys(m.newTokens).sort()).toEqual(['board-x', 'kiosk-1']);
    expect(m.newTokens['kiosk-1']).not.toBe(KIOSK_TOKEN);
    const input = m.input as any;
    expect(input.clerks.find((k: any) => k.id === 'n1').passwordHash).toMatch(/^scrypt:/);
    expect(input.clerks.find((k: any) => k.id === 'n1').password).toBeUndefined();
    expect(m.problems.map((p) => p.path)).toEqual([
      `clerks[${shown.clerks.length - 2}].password`,
      `clerks[${shown.clerks.length - 1}].password`,
    ]);
  });

  it('a setting that runs a command on the server cannot come from the browser', () => {
    const stored = testConfig(2);
    const shown = redact(stored) as any;
    shown.voice.output = { command: '/bin/sh', args: [] };
    expect(mergeSecrets(shown, stored).problems.map((p) => p.path)).toEqual(['voice.output']);
  });
});

describe('what needs a restart', () => {
  it('ports and the broker wait for a restart; services, voice with a restartable adapter apply now', () => {
    const a = testConfig(2);
    const b = structuredClone(a);
    b.server.port = 9999;
    b.services[0]!.name = '新名称';
    b.voice.pack = 'other';
    expect(summarise(a, b, new Set(['voice']))).toEqual({
      applied: ['services', 'voice'],
      needsRestart: ['server.port'],
    });
    expect(summarise(a, b, new Set()).needsRestart).toEqual(['server.port', 'voice']);
  });
});

describe('the configuration a hall starts with', () => {
  it('the file at first, the newest save after it, the file again once it changed', () => {
    const dir = tempDir();
    const file = testConfig(2);
    const { core, db } = testCore(file, undefined, dir);
    expect(startingConfig(db, file, 0)).toMatchObject({ version: 1 });
    const saved = structuredClone(file);
    saved.hall.name = '管理员改过的名称';
    core.run('applyConfig', { saved, running: saved, expectVersion: 1, source: 'admin' }, 'clerk:adm');
    expect(startingConfig(db, file, 0).config.hall.name).toBe('管理员改过的名称');
    const edited = structuredClone(file);
    edited.hall.name = '文件里改的名称';
    const again = startingConfig(db, edited, 0);
    expect(again).toMatchObject({ version: 3 });
    expect(again.config.hall.name).toBe('文件里改的名称');
    db.close();
    const reopened = openDatabase(dir);
    expect(startingConfig(reopened, edited, 0).version).toBe(3);
    reopened.close();
  });

  it('applyConfig refuses a stale version and changes nothing', () => {
    const file = testConfig(2);
    const { core, db } = testCore(file);
    startingConfig(db, file, 0);
    const next = structuredClone(file);
    next.hall.name = 'x';
    expect(() =>
      core.run('applyConfig', { saved: next, running: next, expectVersion: 0, source: 'admin' }, 'clerk:adm'),
    ).toThrow(/配置已被他人修改/);
    expect(core.config.hall.name).toBe(file.hall.name);
    expect(core.query.configHistory()).toHaveLength(1);
  });
});
