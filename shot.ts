import { launchChromium } from './test/helpers/browser';
(async () => {
  const b = await launchChromium();
  for (const [w, h] of [[1920, 1080], [1366, 768]]) {
    const p = await b.newPage({ viewport: { width: w, height: h } });
    p.on('console', (m) => console.log('console:', m.text()));
    await p.goto('http://localhost:8096/board?token=demo-board-a-token-000001');
    await p.waitForTimeout(2500);
    await p.screenshot({ path: `docs/board-${w}x${h}.png` });
    console.log(await p.evaluate(() => JSON.stringify(window.hallBoard?.voiceLog ?? null)));
    await p.close();
  }
  await b.close();
})();
