// What the staff pages' Chromium tests share: the login card every staff page has (工号 + 密码), a
// selector's visible text with its whitespace folded, and screenshots at the hall PCs' two sizes.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../server/paths';
import { PASSWORD } from './hall';

/** Opens a staff page (`/backoffice`, `/guide`, `/supervisor`, `/admin`…) and logs in on its card. */
export async function staffLogin(p: Page, url: string, clerkId: string, password = PASSWORD): Promise<void> {
  await p.goto(url);
  await p.fill('input[name=clerkId]', clerkId);
  await p.fill('input[name=password]', password);
  await p.click('button[type=submit]');
}

/** The first match's visible text, whitespace folded; null when there is none within 3 s. */
export const visibleText = async (p: Page, sel: string): Promise<string | null> =>
  (
    await p
      .locator(sel)
      .first()
      .innerText({ timeout: 3000 })
      .catch(() => null)
  )
    ?.replace(/\s+/g, ' ')
    .trim() ?? null;

export const STAFF_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** With DOCS_SCREENSHOTS=1: docs/NAME-1366x768.png and -1920x1080.png (`settleMs`: charts follow their box). */
export async function shotBothSizes(p: Page, name: string, settleMs = 0): Promise<void> {
  if (process.env.DOCS_SCREENSHOTS !== '1') return;
  for (const s of STAFF_SIZES) {
    await p.setViewportSize(s);
    if (settleMs) await p.waitForTimeout(settleMs);
    await p.screenshot({ path: path.join(PROJECT_ROOT, 'docs', `${name}-${s.width}x${s.height}.png`) });
  }
  await p.setViewportSize(STAFF_SIZES[0]!);
}
