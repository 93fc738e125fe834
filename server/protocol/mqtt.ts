// MQTT payloads (DESIGN.md §6), validated wherever they are received: by the server from devices, and by
// the device simulators from the server.
import { z } from 'zod';
import { WINDOW_STATES } from '../domain/types';

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
