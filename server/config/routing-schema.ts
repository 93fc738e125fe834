// The urgency rule's parameters in the hall config (`routing`, server/domain/routing.ts): its own file beside
// tls-schema and voice-schema; server/config/schema.ts puts it in the hall config.
import { z } from 'zod';
import { DEFAULT_ROUTING } from '../domain/routing';

/** A service id, as the hall config spells one. */
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, '只能用字母、数字、"_"、"." 或 "-"');

/**
 * The urgency rule's parameters (server/domain/routing.ts). Defaults: the rule's weights before issue 24
 * (shortFirst 1.25, rescue after 35 min) with priority per matter and helpers serving priority visitors first
 * (priorityWhenHelping after 3 min), so priority visitors wait no longer than under static-weight; the terms
 * added for issue 24 (bottlenecks, nearTargetBonus, helpNoShorter) are per-hall settings, off by default
 * (they cost mean and p90 on the scenario family). Why and the figures: docs/DESIGN.md §5, docs/benchmarks.md.
 */
export const routingSchema = z.strictObject({
  priorityBoost: z.number().min(0).max(100).default(DEFAULT_ROUTING.priorityBoost),
  levelWeights: z.array(z.number().positive().max(1)).min(1).max(9).default(DEFAULT_ROUTING.levelWeights),
  levelPenalty: z.number().min(0).max(100).default(DEFAULT_ROUTING.levelPenalty),
  shortFirst: z.number().min(0).max(4).default(DEFAULT_ROUTING.shortFirst),
  rescueAfterMin: z.number().min(0).max(600).default(DEFAULT_ROUTING.rescueAfterMin),
  rescuePer10Min: z.number().min(0).max(1000).default(DEFAULT_ROUTING.rescuePer10Min),
  ordinaryFirstAfterMin: z.number().min(0).max(600).default(DEFAULT_ROUTING.ordinaryFirstAfterMin),
  priorityEverywhere: z.boolean().default(DEFAULT_ROUTING.priorityEverywhere),
  priorityWhenOwnEmpty: z.boolean().default(DEFAULT_ROUTING.priorityWhenOwnEmpty),
  priorityWhenHelping: z
    .boolean()
    .default(DEFAULT_ROUTING.priorityWhenHelping)
    .describe(
      'A window about to help with another matter serves its priority visitors first (never leaves its own line for it)',
    ),
  priorityHelpAfterMin: z
    .number()
    .min(0)
    .max(600)
    .default(DEFAULT_ROUTING.priorityHelpAfterMin)
    .describe('Minutes a priority visitor has waited before helpers step in (priorityWhenHelping); default 3'),
  helpNoShorter: z.boolean().default(DEFAULT_ROUTING.helpNoShorter),
  nearTargetMin: z.number().min(0).max(120).default(DEFAULT_ROUTING.nearTargetMin),
  nearTargetBonus: z.number().min(0).max(100).default(DEFAULT_ROUTING.nearTargetBonus),
  /** "auto": from the hall's own arrivals (routing-facts.ts); a list of service ids names them; [] turns it off. */
  bottlenecks: z.union([z.literal('auto'), z.array(id)]).default(DEFAULT_ROUTING.bottlenecks as 'auto' | string[]),
  bottleneckMargin: z.number().min(0.5).max(3).default(DEFAULT_ROUTING.bottleneckMargin),
  bottleneckWeight: z.number().min(0).max(10).default(DEFAULT_ROUTING.bottleneckWeight),
  bottleneckHelpers: z.enum(['all', 'shared', 'none']).default(DEFAULT_ROUTING.bottleneckHelpers),
  loadExp: z.number().min(0).max(4).default(DEFAULT_ROUTING.loadExp),
  loadHelpOnly: z.boolean().default(DEFAULT_ROUTING.loadHelpOnly),
  bottleneckOwnFirst: z.boolean().default(DEFAULT_ROUTING.bottleneckOwnFirst),
  bottleneckRescueAfterMin: z.number().min(0).max(600).default(DEFAULT_ROUTING.bottleneckRescueAfterMin),
});
