// MQTT topics and payloads (DESIGN.md §6), validated wherever they are received: by the server from devices,
// and by the device simulators from the server. Every topic is built here (server, broker ACL, simulators,
// demo driver, benchmarks, tests): the strings are a contract with the hall's hardware, pinned by
// test/unit/mqtt-topics.test.ts.
import { z } from 'zod';
import { WINDOW_STATES } from '../domain/types';

/** The topics under one base topic (`mqtt.baseTopic`, e.g. `hall/demo-hall`). */
export interface HallTopics {
  readonly base: string;
  /** Server → all, retained, the server's last will: `{ state: online|offline }`. */
  readonly serverState: string;
  /** Server → an LED strip over a window, retained. */
  ledDisplay(windowNo: number): string;
  /** Server → a hall LED banner of a zone, retained. */
  bannerDisplay(zone: string): string;
  /** Keypad → server. */
  keypadCommand(windowNo: number): string;
  /** Server → keypad. */
  keypadResult(windowNo: number): string;
  /** Server → hardware pad, retained. */
  padPrompt(windowNo: number): string;
  /** Hardware pad → server. */
  padEvaluation(windowNo: number): string;
  /** Server → hardware pad. */
  padResult(windowNo: number): string;
  /** Device → server, retained, the device's last will. */
  deviceAvailability(deviceId: string): string;
  /** What the server subscribes to: every device's message of one kind (single-level `+` wildcards). */
  readonly any: { keypadCommand: string; padEvaluation: string; deviceAvailability: string };
}

export function hallTopics(base: string): HallTopics {
  return {
    base,
    serverState: `${base}/server/state`,
    ledDisplay: (no) => `${base}/led/${no}/display`,
    bannerDisplay: (zone) => `${base}/banner/${zone}/display`,
    keypadCommand: (no) => `${base}/keypad/${no}/command`,
    keypadResult: (no) => `${base}/keypad/${no}/result`,
    padPrompt: (no) => `${base}/pad/${no}/prompt`,
    padEvaluation: (no) => `${base}/pad/${no}/evaluation`,
    padResult: (no) => `${base}/pad/${no}/result`,
    deviceAvailability: (id) => `${base}/device/${id}/availability`,
    any: {
      keypadCommand: `${base}/keypad/+/command`,
      padEvaluation: `${base}/pad/+/evaluation`,
      deviceAvailability: `${base}/device/+/availability`,
    },
  };
}

/**
 * The `+` level of a topic received on one of the `any` patterns: the window number of a keypad command or a
 * pad evaluation, the device id of an availability. Null when the topic is not under that pattern.
 */
export function topicParam(pattern: string, topic: string): string | null {
  const p = pattern.split('/');
  const t = topic.split('/');
  if (p.length !== t.length) return null;
  let param: string | null = null;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '+') param = t[i]!;
    else if (p[i] !== t[i]) return null;
  }
  return param;
}

/** A window number from a topic level: 1–4 digits, else null. */
export function windowNoOf(level: string | null): number | null {
  return level !== null && /^\d{1,4}$/.test(level) ? Number(level) : null;
}

export const ledDisplayPayload = z.object({
  window: z.number().int(),
  state: z.enum(WINDOW_STATES),
  ticket: z.string().nullable(),
  lines: z.array(z.string()).max(8),
  seq: z.number(),
  at: z.string(),
});

export const bannerDisplayPayload = z.object({
  lines: z.array(z.string()).max(16),
  seq: z.number(),
  at: z.string(),
});

export const availabilityPayload = z.strictObject({ state: z.enum(['online', 'offline']) });
export const serverStatePayload = availabilityPayload;

export const KEYPAD_ACTIONS = ['next', 'recall', 'skip', 'finish', 'hold', 'pause', 'resume'] as const;
/** A keypad's keys (DESIGN.md §6 keypad command). */
export type KeypadAction = (typeof KEYPAD_ACTIONS)[number];

export const keypadCommandPayload = z.strictObject({
  action: z.enum(KEYPAD_ACTIONS),
  requestId: z.string().min(1).max(64),
  reason: z.string().max(100).optional(),
});

export interface KeypadResultPayload {
  requestId: string | null;
  ok: boolean;
  ticket?: string | null;
  error?: { code: string; message: string };
}

/** A hardware pad's answer (DESIGN.md §6): score 1–5, 5 = 非常满意. */
export const padEvaluationPayload = z.strictObject({
  evaluationId: z.string().min(1).max(64),
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.string().min(1).max(20)).max(20).default([]),
  comment: z.string().max(200).nullish(),
});

export const padPromptPayload = z.object({
  state: z.enum(['idle', 'serving', 'evaluate']),
  ticket: z.string().nullable(),
  clerk: z.object({ id: z.string(), name: z.string(), photoUrl: z.string().nullable() }).nullable(),
  service: z.string().nullable(),
  evaluationId: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export interface PadResultPayload {
  evaluationId: string | null;
  ok: boolean;
  error?: { code: string; message: string };
}

export type LedDisplayPayload = z.infer<typeof ledDisplayPayload>;
export type BannerDisplayPayload = z.infer<typeof bannerDisplayPayload>;
