// The demo hall's call board at the hall's two TV sizes in Chromium: every window tile names the window
// whole (a long name wraps, it is not cut) beside a state or ticket on one line.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { loadConfigFile } from '../../server/config/load';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import { startTestHall } from '../helpers/hall';

let browser: Browser;
let server: HallServer;
const demo = loadConfigFile(path.join(PROJECT_ROOT, 'server/config/demo-hall.yaml'));
const board = demo.devices.find((d) => d.kind === 'board' && d.zone === 'A')!;

beforeAll(async () => {
  server = await startTestHall({ config: demo, mqtt: { disabled: true, baseTopic: 'hall' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('board layout (demo hall)', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    it(`${width}×${height}: window tiles show the number and the whole name, the state on one line`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${server.url}/board?token=${'token' in board ? board.token : ''}&voiceMsPerChar=5`);
      const tiles = page.locator('[data-window]');
      await tiles.first().waitFor({ timeout: 8000 });
      const seen = await tiles.evaluateAll((els) =>
        els.map((el) => {
          const name = el.querySelector('.name')!;
          const side = el.querySelector('.state, .num')!;
          const box = el.getBoundingClientRect();
          return {
            name: name.textContent!.replace(/\s+/g, ''),
            cut: name.scrollWidth > name.clientWidth + 1,
            sideLines: side.getBoundingClientRect().height / parseFloat(getComputedStyle(side).fontSize),
            inside: box.right <= innerWidth && box.bottom <= innerHeight,
          };
        }),
      );
      const zoneA = demo.windows.filter((w) => w.zone === 'A');
      expect(seen.map((s) => s.name)).toEqual(zoneA.map((w) => `${w.no}号${w.name}`));
      for (const s of seen) expect(s, s.name).toMatchObject({ cut: false, inside: true });
      for (const s of seen) expect(s.sideLines, s.name).toBeLessThan(1.8);
      await page.close();
    });
  }
});
