// A window's trained-for matters (config `canTake`, issue 25): checked against the hall's services, and what
// the supervisor's watch gives the 潮汐 suggestion (its skills always count; by default only its skills).
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config/load';
import { hallFacts } from '../../server/core/hall-watch';
import { testConfigInput, testCore } from '../helpers/hall';

describe('canTake: the matters a window’s clerks are trained for', () => {
  it('names only services of the hall', () => {
    const c = structuredClone(testConfigInput(4)) as any;
    c.windows[1].canTake = ['social', 'housing'];
    let problems: string[] = [];
    try {
      parseConfig(stringify(c), 'hall.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      problems = (e as ConfigError).problems;
    }
    expect(problems.join('\n')).toMatch(/windows\[1\]\.canTake\[1\].*未知的事项 "housing"/);
  });

  it('reaches the 潮汐 suggestion with the window’s skills; without it, only the skills', () => {
    const input = structuredClone(testConfigInput(4)) as any;
    input.windows[1].canTake = ['social'];
    const { core, db } = testCore(parseConfig(stringify(input), 'hall.yaml'));
    const facts = hallFacts(core, { devices: () => [], upstream: () => null });
    const w = (no: number) => [...facts.windows.find((x) => x.no === no)!.canTake].sort();
    expect(w(2)).toEqual(['general', 'social', 'tax']);
    expect(w(3)).toEqual(['general', 'social']);
    db.close();
  });
});
