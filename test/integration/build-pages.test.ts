// Rebuilding the browser apps (`npm run build`, and `npm start`'s prestart) while a hall server runs from
// the same checkout: every request during the build still gets a page and its scripts, never a 404 (an
// upgrade on a running hall; the start-page test rebuilding while other tests load pages).
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { startTestHall } from '../helpers/hall';

let s: HallServer;
beforeAll(async () => {
  s = await startTestHall();
});
afterAll(async () => s?.stop());

describe('building the pages', () => {
  it('serves the old pages until the new build is complete', async () => {
    const html = async () => (await fetch(`${s.url}/pad`)).text();
    const scripts = [...(await html()).matchAll(/src="(\/app\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);

    const dist = path.join(PROJECT_ROOT, 'dist');
    const builds = () => readdirSync(dist).filter((n) => /^web-\d+-\d+$/.test(n));
    const earlier = builds().sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    const build = spawn('node', ['scripts/build-pages.mjs'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    build.stdout.on('data', (d) => (log += String(d)));
    build.stderr.on('data', (d) => (log += String(d)));
    const done = new Promise<number | null>((r) => build.once('exit', r));
    let running = true;
    void done.then(() => (running = false));

    const failures: string[] = [];
    let rounds = 0;
    while (running) {
      rounds++;
      const page = await html();
      if (!page.includes('/app/assets/')) failures.push('/pad: not the built page');
      for (const src of scripts) {
        const r = await fetch(`${s.url}${src}`);
        await r.arrayBuffer();
        if (r.status !== 200) failures.push(`${src}: ${r.status}`);
      }
    }
    expect(await done, log).toBe(0);
    expect(rounds).toBeGreaterThan(5); // the requests really ran while the build did
    expect(failures).toEqual([]);
    // dist/web is the new build; the one before stays for requests in flight, older ones are gone.
    const now = readlinkSync(path.join(dist, 'web'));
    expect(earlier).not.toContain(now);
    const kept = earlier.slice(-1);
    expect(builds().filter((n) => earlier.includes(n) && !kept.includes(n))).toEqual([]);
  }, 120_000);
});
