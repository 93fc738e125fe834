// What a window's LED strip and a zone's hall banner show (DESIGN.md §6 payloads). Pure.
import { LED_IDLE_LINE } from '../domain/labels';
import type { LedDisplayPayload } from '../protocol/mqtt';
import type { WindowView } from '../protocol/views';

/** Two short lines, as the common two-row window strips show them. Never a name or an ID number. */
export function ledLines(w: Pick<WindowView, 'no' | 'state' | 'ticket'>): string[] {
  const number = w.ticket?.number;
  switch (w.state) {
    case 'calling':
      return [`请${number}号`, `到${w.no}号窗口`];
    case 'serving':
      return [`${w.no}号窗口`, `正在办理${number}号`];
    case 'idle':
    case 'paused':
    case 'closed':
      return [`${w.no}号窗口`, LED_IDLE_LINE[w.state]];
  }
}

export function ledPayload(w: WindowView, seq: number, at: string): LedDisplayPayload {
  return { window: w.no, state: w.state, ticket: w.ticket?.number ?? null, lines: ledLines(w), seq, at };
}

/** The latest calls in the zone, newest first, then the notice. */
export function bannerLines(recentAnnouncements: readonly string[], notice: string, maxCalls = 3): string[] {
  const lines = recentAnnouncements.slice(0, maxCalls);
  return notice ? [...lines, notice] : lines;
}
