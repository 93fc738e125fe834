// Screenshots for the docs: the demo hall's board with several calls made seconds apart (1920×1080 and
// 1366×768), a board whose sound is blocked, and a window screen. Playwright only takes pictures and
// reads the page through locators here (no script run in the page).
//   npx tsx scripts/voice-screenshots.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startHallServer } from '../server/app';
import { loadConfigFile } from '../server/config/load';
import { DEMO_CONFIG, PROJECT_ROOT } from '../server/paths';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const config = loadConfigFile(DEMO_CONFIG);
  const board = config.devices.find((d) => d.id === 'board-a') as { token: string };
  const kiosk = config.devices.find((d) => d.kind === 'kiosk') as { token: string };
  const screen = config.devices.find((d) => d.kind === 'windowScreen') as { token: string };
  const s = await startHallServer({
    // No virtual printer: its port may be taken by another hall on this machine.
    config: {
      ...config,
      devices: config.devices.filter((d) => d.kind !== 'printer'),
      display: { ...config.display, bigCallSec: 600 },
    },
    dataDir: mkdtempSync(path.join(tmpdir(), 'voice-shots-')),
    port: 0,
    host: '127.0.0.1',
    mqtt: { disabled: true, baseTopic: 'hall' },
    demo: true,
    log: () => {},
  });
  const post = (p: string, body: unknown, token: string) =>
    fetch(s.url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
  const shots = (name: string) => path.join(PROJECT_ROOT, 'docs', name);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  const big = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const small = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  for (const p of [big, small]) await p.goto(`${s.url}/board?token=${board.token}&voiceRate=2`);
  const tokens: string[] = [];
  for (let no = 1; no <= 6; no++)
    tokens.push((await post('/api/auth/login', { clerkId: `100${no}`, password: 'demo1234', windowNo: no }, '')).token);
  for (let i = 0; i < 12; i++)
    await post('/api/tickets', { serviceId: ['general', 'tax', 'general', 'social'][i % 4] }, kiosk.token);
  // Six calls within a second: each gets its turn large; the list shows them all.
  for (let no = 1; no <= 6; no++) await post(`/api/windows/${no}/call-next`, {}, tokens[no - 1]!);
  // After the first call's flashing (3.6 s), while its announcement still plays.
  await sleep(4200);
  await big.screenshot({ path: shots('board-calls-1920x1080.png') });
  await small.screenshot({ path: shots('board-calls-1366x768.png') });

  const blocked = await (
    await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
  ).newPage({ viewport: { width: 1366, height: 768 } });
  await blocked.goto(`${s.url}/board?token=${board.token}`);
  await sleep(2500);
  await blocked.screenshot({ path: shots('board-sound-blocked-1366x768.png') });

  const ws = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await ws.goto(`${s.url}/window-screen?token=${screen.token}`);
  await post('/api/windows/1/recall', {}, tokens[0]!);
  await sleep(5200); // after the flashing
  await ws.screenshot({ path: shots('window-screen-1280x720.png') });
  console.log('wrote docs/board-calls-*.png, docs/board-sound-blocked-1366x768.png, docs/window-screen-1280x720.png');
  await browser.close();
  await blocked.context().browser()?.close();
  await s.stop();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
