import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError, loadConfigFile, parseConfig } from '../../server/config/load';
import { hallConfigJsonSchema } from '../../server/config/json-schema';
import { DEFAULT_ROUTING } from '../../server/domain/routing';
import { DEMO_CONFIG, PROJECT_ROOT } from '../../server/paths';
import { KIOSK_TOKEN, testConfigInput } from '../helpers/hall';

function problems(mutate: (c: any) => void): string[] {
  const c = structuredClone(testConfigInput(4)) as any;
  mutate(c);
  try {
    parseConfig(stringify(c), 'hall.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  return [];
}

describe('hall config', () => {
  it('the built-in demo hall is valid and models a real city hall', () => {
    const c = loadConfigFile(DEMO_CONFIG);
    const kinds = new Set(c.windows.map((w) => w.kind));
    expect([...kinds].sort()).toEqual(['assisted', 'comprehensive', 'dedicated', 'domain']);
    for (const s of ['tax', 'medical', 'social', 'realestate', 'exitentry', 'onething']) {
      expect(c.services.map((x) => x.id)).toContain(s);
    }
    expect(c.windows.some((w) => w.priorities?.includes('military') && w.priorities.includes('elderly'))).toBe(true);
    expect(c.clerks.some((k) => k.role === 'supervisor')).toBe(true);
    expect(c.clerks.filter((k) => k.role === 'clerk').length).toBeGreaterThanOrEqual(5);
  });

  it('names the path and the reason of an unknown skill (the issue’s own example)', () => {
    expect(problems((c) => (c.windows[3].skills.taxx = 1))).toContain('windows[3].skills.taxx: 未知的事项 "taxx"');
  });

  it('reports every field problem with its path', () => {
    const p = problems((c) => {
      c.windows[0].kind = 'vip';
      c.hall.open = '9am';
      c.clerks[0].passwordHash = 'plain';
    });
    expect(p.some((x) => x.startsWith('windows[0].kind:'))).toBe(true);
    expect(p).toContain('hall.open: 应为时间 "HH:MM"');
    expect(p.some((x) => x.startsWith('clerks[0].passwordHash:'))).toBe(true);
  });

  it('checks references and duplicates across the file once the fields are valid', () => {
    const p = problems((c) => {
      c.services[1].prefix = 'A';
      c.devices[1].zone = 'Z';
      c.devices[2].window = 99;
      c.windows[1].no = 1;
      c.devices[3].token = c.devices[0].token;
    });
    expect(p).toContain('services[1].prefix: 号码前缀重复："A"');
    expect(p).toContain('devices[1].zone: 区域 "Z" 中没有窗口');
    expect(p).toContain('devices[2].window: 没有 99 号窗口');
    expect(p).toContain('windows[1].no: 窗口号重复：1');
    // A repeated token is named, never echoed: the admin page shows the message to whoever saves.
    expect(p).toContain('devices[3].token: 设备令牌重复');
    expect(p.join('\n')).not.toContain(KIOSK_TOKEN);
  });

  it('refuses unknown keys, so a typo does not pass silently', () => {
    expect(problems((c) => (c.hall.closse = '17:00'))[0]).toMatch(/^hall: .*closse/);
  });

  it('a YAML syntax error gives the line', () => {
    expect(() => parseConfig('hall: { id: x\nservices: [', 'bad.yaml')).toThrowError(/bad\.yaml[\s\S]*line \d+/);
  });

  it('a missing file names the file', () => {
    expect(() => loadConfigFile('/nonexistent/hall.yaml')).toThrowError(/\/nonexistent\/hall\.yaml[\s\S]*cannot read/);
  });

  it('fills defaults: routing, rules, announcement, embedded MQTT', () => {
    const c = parseConfig(stringify({ ...testConfigInput(2), routing: undefined, rules: undefined, mqtt: undefined }));
    // The rule's defaults (server/domain/routing.ts, chosen by the simulator; docs/DESIGN.md §5).
    expect(c.routing).toEqual(DEFAULT_ROUTING);
    expect(c.routing).toMatchObject({ bottlenecks: [], shortFirst: 1.25, rescuePer10Min: 10, levelWeights: [1, 1, 1] });
    // A named bottleneck must be one of the hall's services.
    expect(() =>
      parseConfig(stringify({ ...testConfigInput(2), routing: { bottlenecks: ['general', 'passport'] } })),
    ).toThrowError(/routing\.bottlenecks\[1\]: 未知的事项 "passport"/);
    expect(c.rules.recallLimit).toBe(2);
    expect(c.display.announcement).toBe('请{ticket}号到{window}号窗口办理');
    expect(c.mqtt).toMatchObject({ embedded: { port: 1883 } });
  });

  it('the committed JSON Schema is the one the code generates (npm run config-schema)', () => {
    const committed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'docs/hall-config.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(hallConfigJsonSchema())));
    expect(committed.properties.windows.type).toBe('array');
  });
});
