import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, estimateWaitMin, pickNext, score, type Candidate } from '../../server/domain/routing';
import { bottleneckMatters, hallLoad } from '../../server/domain/routing-facts';
import type { HallWindow } from '../../server/domain/types';
import { MIN, candidatesAt, hallWindow, service } from '../helpers/routing-fixtures';

const NOW = 100 * MIN;
const svc = service;
const services = new Map([svc('general', 15), svc('tax', 20), svc('social', 15)].map((s) => [s.id, s]));
const win = hallWindow;
const cand = candidatesAt(NOW);
const DEFAULTS = DEFAULT_ROUTING;
const pick = (cs: Candidate[], w: HallWindow, params = DEFAULT_ROUTING) =>
  pickNext(cs, w, services, NOW, params)?.candidate ?? null;

describe('routing policy', () => {
  it('primary before secondary at equal waits', () => {
    const own = cand('general', 10);
    const other = cand('tax', 10);
    expect(pick([other, own], win({ general: 1, tax: 2 }))).toBe(own);
  });

  it('a window helps another queue as that queue nears its target', () => {
    const own = cand('general', 3); // 0.2 of target
    const other = cand('tax', 18); // 0.9 of target × 0.6 = 0.54
    expect(pick([own, other], win({ general: 1, tax: 2 }))).toBe(other);
  });

  it('urgency is relative to each service target (DESIGN.md §5 example)', () => {
    // A tax ticket with a 20-minute target that waited 18 is more urgent than a general ticket with a
    // 15-minute target that waited 6, even though neither is this window's secondary skill.
    const tax = cand('tax', 18);
    const general = cand('general', 6);
    expect(pick([general, tax], win({ general: 1, tax: 1 }))).toBe(tax);
    // FIFO would have said the opposite had general waited longer in minutes but less against its target
    // (the near-target bonus, which would favour the tax ticket 1 minute from its target, off):
    const g2 = cand('general', 16); // 1.07 targets
    const t2 = cand('tax', 19); // 0.95 targets
    expect(pick([t2, g2], win({ general: 1, tax: 1 }), { ...DEFAULT_ROUTING, nearTargetBonus: 0 })).toBe(g2);
  });

  it('legally prioritised visitors come first', () => {
    const normal = cand('general', 12);
    const prio = cand('general', 0, { priority: true });
    expect(pick([normal, prio], win({ general: 1 }))).toBe(prio);
  });

  it('a priority visitor goes to the front of its own matter’s line', () => {
    const normal = cand('general', 16); // past its target
    const prio = cand('general', 0, { priority: true });
    expect(pick([normal, prio], win({ general: 1 }))).toBe(prio);
    const picked = pickNext([normal, prio], win({ general: 1 }), services, NOW, DEFAULT_ROUTING)!;
    // The matter's urgency is its oldest ticket's; the log says the priority visitor went first.
    expect(picked.score.waitedMin).toBeCloseTo(16);
    expect(picked.score.priorityFirst).toBe(true);
  });

  it('priority never starves the rest: an ordinary ticket past `ordinaryFirstAfterMin` keeps its turn', () => {
    const late = cand('general', DEFAULT_ROUTING.ordinaryFirstAfterMin + 1);
    const prio = cand('general', 0, { priority: true });
    expect(pick([prio, late], win({ general: 1 }))).toBe(late);
  });

  it('a priority visitor is not left behind by a backlog past the rescue threshold', () => {
    // At a peak the matter's ordinary head has waited past the rescue (30 min) but not 60: the priority
    // visitor who just came still goes first (holding them behind the backlog cost priority visitors on
    // city-hall-day 2.8 min on average instead of 1.6).
    const backlog = cand('general', DEFAULT_ROUTING.rescueAfterMin + 10);
    const prio = cand('general', 0, { priority: true });
    expect(DEFAULT_ROUTING.ordinaryFirstAfterMin).toBeGreaterThan(DEFAULT_ROUTING.rescueAfterMin + 10);
    const picked = pickNext([backlog, prio], win({ general: 1 }), services, NOW, DEFAULT_ROUTING)!;
    expect(picked.candidate).toBe(prio);
    expect(picked.score).toMatchObject({ priorityFirst: true, waitedMin: DEFAULT_ROUTING.rescueAfterMin + 10 });
  });

  it('a priority visitor of a helped matter is not left behind by a window with none of its own waiting', () => {
    const helper = win({ general: 1, tax: 2, social: 2 });
    const older = cand('tax', 12); // 0.6 targets
    const prio = cand('social', 1, { priority: true }); // 0.07 targets
    expect(pick([older, prio], helper)).toBe(prio);
    const s = pickNext([older, prio], helper, services, NOW, DEFAULT_ROUTING)!.score;
    expect(s).toMatchObject({ level: 2, priorityBoost: DEFAULT_ROUTING.priorityBoost });
    // With its own line waiting, the boost does not pull the helper away from it; when the usual urgencies
    // make it help anyway (the older tax ticket outranks its own 2-minute ticket), it helps the priority
    // visitor first once it has waited `priorityHelpAfterMin` (priorityWhenHelping), else the older ticket.
    const own = cand('general', 2);
    expect(pick([older, prio, own], helper)).toBe(older);
    const prio4 = cand('social', 4, { priority: true });
    expect(pick([older, prio4, own], helper)).toBe(prio4);
    expect(pick([older, prio4, own], helper, { ...DEFAULT_ROUTING, priorityWhenHelping: false })).toBe(older);
    expect(pickNext([prio, own], helper, services, NOW, DEFAULT_ROUTING)!.candidate).toBe(own);
    // The hall may turn it off: then the older ticket of the other helped matter goes first.
    const off = { ...DEFAULT_ROUTING, priorityWhenOwnEmpty: false, priorityWhenHelping: false };
    expect(pick([older, prio], helper, off)).toBe(older);
  });

  it('a priority visitor of a long helped matter is not left behind by a helper busy with quicker helped matters', () => {
    // city-hall-surge's comprehensive windows: their own line (general) waits, yet they help a quick matter
    // (social, 7 min in the scenario; 6 here) while a 25-minute matter's priority visitor (assisted) waits: static-weight would serve
    // that visitor first among the helped matters, and so does ours once the window is about to help.
    const hall = new Map([
      ...services,
      ['social', { ...svc('social', 15), avgServiceMin: 6 }],
      ['assisted', { ...svc('assisted', 10), avgServiceMin: 25 }],
    ]);
    const helper = win({ general: 1, social: 2, assisted: 2 });
    const own = cand('general', 2);
    const quick = cand('social', 14); // an ordinary ticket of a quick helped matter, near its target
    const prio = cand('assisted', 4, { priority: true });
    const picked = pickNext([own, quick, prio], helper, hall, NOW, DEFAULT_ROUTING)!;
    expect(picked.candidate).toBe(prio);
    expect(picked.score).toMatchObject({ level: 2, priorityBoost: DEFAULT_ROUTING.priorityBoost });
    const off = { ...DEFAULT_ROUTING, priorityWhenHelping: false };
    expect(pickNext([own, quick, prio], helper, hall, NOW, off)!.candidate).toBe(quick);
    // The window's own line loses nothing: when it would serve its own, it still does.
    const fresh = cand('social', 1);
    expect(pickNext([own, fresh, prio], helper, hall, NOW, DEFAULT_ROUTING)!.candidate).toBe(own);
    // Helpers step in once the priority visitor has waited `priorityHelpAfterMin` (3) minutes; a hall may
    // make that later (or 0: at once).
    expect(
      pickNext([own, quick, cand('assisted', 2, { priority: true })], helper, hall, NOW, DEFAULT_ROUTING)!.candidate,
    ).toBe(quick);
    const later = { ...DEFAULT_ROUTING, priorityHelpAfterMin: 5 };
    expect(pickNext([own, quick, prio], helper, hall, NOW, later)!.candidate).toBe(quick);
  });

  it('the defaults are the earlier rule’s weights; the terms tried for issue 24 are off unless a hall sets them', () => {
    expect(DEFAULT_ROUTING).toMatchObject({
      shortFirst: 1.25,
      rescueAfterMin: 35,
      helpNoShorter: false,
      bottlenecks: [],
      nearTargetBonus: 0,
      priorityWhenHelping: true,
      priorityHelpAfterMin: 3,
    });
  });

  it('a priority visitor is not left behind by another of the window’s own matters in rescue', () => {
    // 40 minutes: 10 of rescue on top of its share of target; the boost (20) still puts the priority visitor
    // first, as the peers do, until an ordinary ticket has waited about 50 minutes.
    const w = win({ general: 1, tax: 1 });
    const late = cand('tax', 40);
    const prio = cand('general', 1, { priority: true });
    expect(pick([late, prio], w)).toBe(prio);
    expect(pick([late, prio], w, { ...DEFAULT_ROUTING, priorityBoost: 5 })).toBe(late);
    expect(pick([cand('tax', 55), prio], w)).not.toBe(prio);
  });

  it('the window picks the matter by its oldest ticket; priority lifts a matter only by the hall’s boost', () => {
    const w = win({ general: 1, tax: 1 });
    const tax = cand('tax', 10); // 0.5 targets
    const prio = cand('general', 1, { priority: true }); // 0.07 targets
    expect(pick([prio, tax], w, { ...DEFAULT_ROUTING, priorityBoost: 0 })).toBe(tax);
    expect(pick([prio, tax], w, { ...DEFAULT_ROUTING, priorityBoost: 2 })).toBe(prio);
  });

  it('an appointment checked in before its slot counts its wait from the slot start', () => {
    // Checked in 10 minutes ago, slot starts in 5 minutes: it has not started waiting yet.
    const appt = cand('general', 10, { waitFrom: NOW + 5 * MIN, issuedAt: NOW - 10 * MIN });
    const walkIn = cand('general', 2);
    expect(pick([appt, walkIn], win({ general: 1 }))).toBe(walkIn);
    // Once the slot started 8 minutes ago, it outranks a walk-in of 6 minutes.
    const appt2 = cand('general', 8, { issuedAt: NOW - 30 * MIN });
    const walkIn2 = cand('general', 6);
    expect(pick([walkIn2, appt2], win({ general: 1 }))).toBe(appt2);
    expect(score(appt, win({ general: 1 }), services.get('general')!, NOW, DEFAULT_ROUTING)!.waitedMin).toBe(0);
  });

  it('a transferred ticket keeps its original issue time and so its urgency', () => {
    // Transferred to tax after 25 minutes in general: its wait counts from the first issue.
    const transferred = cand('tax', 25);
    const fresh = cand('tax', 10);
    expect(pick([fresh, transferred], win({ tax: 1 }))).toBe(transferred);
  });

  it('a ticket transferred to a window counts as that window’s own and only that window may call it', () => {
    const reserved = cand('social', 5, { targetWindowNo: 2 });
    const own = cand('general', 5);
    expect(pick([own, reserved], win({ general: 1 }, 2))).toBe(reserved);
    expect(pick([reserved], win({ general: 1, social: 1 }, 1))).toBeNull();
  });

  it('a window never calls a service outside its skills', () => {
    expect(pick([cand('social', 100)], win({ general: 1 }))).toBeNull();
  });

  it('ties go to the earlier ticket', () => {
    const a = cand('general', 5);
    const b = cand('general', 5);
    expect(pick([b, a], win({ general: 1 }))).toBe(a);
    const c = cand('general', 0);
    const d = cand('general', 0);
    expect(pick([d, c], win({ general: 1 }))).toBe(c);
  });

  it('levels past the configured weights use the last weight; each level below 1 costs the penalty', () => {
    const params = { ...DEFAULT_ROUTING, levelWeights: [1, 0.6, 0.4], shortFirst: 0, nearTargetBonus: 0 };
    const s = score(cand('general', 15), win({ general: 5 }), services.get('general')!, NOW, params)!;
    expect(s.levelWeight).toBe(0.4);
    expect(s.levelPenalty).toBeCloseTo(0.8); // 4 levels × 0.2
    expect(s.urgency).toBeCloseTo(1 * 0.4 - 0.8);
  });

  it('short matters first: at the same share of their target, the quicker matter is called first', () => {
    const quick = new Map([...services, ['medical', { ...svc('medical', 20), avgServiceMin: 5 }]]);
    const long = new Map([...quick, ['realestate', { ...svc('realestate', 20), avgServiceMin: 20 }]]);
    const m = cand('medical', 10); // half its target, a 5-minute matter: 0.5 × 2^1.25
    const r = cand('realestate', 14); // 0.7 of its target, a 20-minute matter: 0.7 × 0.5^1.25
    const w = win({ medical: 1, realestate: 1 });
    const params = { ...DEFAULT_ROUTING, shortFirst: 1.25 };
    expect(pickNext([r, m], w, long, NOW, params)?.candidate).toBe(m);
    // With the factor off, the rule is the plain share of target again.
    expect(pickNext([r, m], w, long, NOW, { ...params, shortFirst: 0 })?.candidate).toBe(r);
    const s = score(m, w, long.get('medical')!, NOW, params)!;
    expect(s.shortMatter).toBeCloseTo(2 ** 1.25);
    expect(s.urgency).toBeCloseTo(0.5 * 2 ** 1.25);
  });

  it('rescue: past 35 minutes a long matter is called before quicker ones still within reach of their target', () => {
    const DEFAULT_ROUTING = { ...DEFAULTS, rescueAfterMin: 35, shortFirst: 1.25, nearTargetBonus: 0 };
    const long = new Map([...services, ['realestate', { ...svc('realestate', 30), avgServiceMin: 20 }]]);
    const w = win({ general: 1, realestate: 2 });
    const g = cand('general', 14); // 0.93 of target, factor 1.32: 1.23
    const r34 = cand('realestate', 34); // 1.13 × 0.42 − 0.2 = 0.28: no rescue yet
    expect(pickNext([g, r34], w, long, NOW, DEFAULT_ROUTING)?.candidate).toBe(g);
    const r40 = cand('realestate', 40); // + 10 × 5 / 10 = 5
    expect(pickNext([g, r40], w, long, NOW, DEFAULT_ROUTING)?.candidate).toBe(r40);
    expect(score(r40, w, long.get('realestate')!, NOW, DEFAULT_ROUTING)!.rescue).toBeCloseTo(5);
  });

  it('estimated wait shares the people ahead among the windows whose own service it is', () => {
    expect(estimateWaitMin(0, 8, 2)).toBe(0);
    expect(estimateWaitMin(4, 8, 2)).toBe(16);
    expect(estimateWaitMin(4, 8, 0)).toBe(32);
  });
});

describe('routing at equal urgency', () => {
  it('fresh tickets: the window’s own service before the one it helps with', () => {
    const other = cand('tax', 0);
    const own = cand('general', 0);
    expect(pick([other, own], win({ general: 1, tax: 2 }))).toBe(own);
  });
});

describe('hall facts: bottleneck matters', () => {
  const county = new Map(
    [
      { ...svc('general', 15), avgServiceMin: 8 },
      { ...svc('realestate', 30), avgServiceMin: 15 },
      { ...svc('social', 15), avgServiceMin: 6 },
    ].map((s) => [s.id, s]),
  );
  const windows = [
    ...[1, 2, 3].map((no) => win({ general: 1, social: 2 }, no)),
    win({ general: 1, social: 2, realestate: 2 }, 4),
    ...[5, 6, 7, 8].map((no) => win({ realestate: 1 }, no)),
    ...[9, 10].map((no) => win({ social: 1, general: 2 }, no)),
  ];
  // The peak hour: 25 general, 22 real estate, 25 social visitors.
  const peak = { minutes: 60, visitors: { general: 25, realestate: 22, social: 25 } };
  const quiet = { minutes: 60, visitors: { general: 5, realestate: 5, social: 5 } };

  it('a matter whose windows carry more each at the peak than the hall’s is a bottleneck; a matter every window takes never is', () => {
    const load = hallLoad(windows, county, [quiet, peak]);
    // Hall: (25×8 + 22×15 + 25×6) ÷ 60 = 11.33 busy windows on 10; real estate: 5.5 on its 5 windows.
    expect(load.hallPeakPerWindow).toBeCloseTo(11.33 / 10, 2);
    const re = load.matters.find((m) => m.serviceId === 'realestate')!;
    expect(re.windows).toBe(5);
    expect(re.peakPerWindow).toBeCloseTo(5.5 / 5, 3);
    expect(re.bottleneck).toBe(false); // 1.10 against the hall's 1.13
    expect([...bottleneckMatters(hallLoad(windows, county, [quiet, peak], 0.85))]).toEqual(['realestate']);
    const everywhere = [
      ...windows.slice(0, 4),
      ...windows.slice(4).map((w) => ({ ...w, skills: { ...w.skills, general: 3 } })),
    ];
    expect(hallLoad(everywhere, county, [peak], 0.1).matters.find((m) => m.serviceId === 'general')!.bottleneck).toBe(
      false,
    );
  });

  it('a bottleneck matter is not deferred by a window that only helps with it', () => {
    const w = win({ general: 1, realestate: 2 }, 4);
    const g = cand('general', 5); // 0.33 targets, an 8-minute matter
    const r = cand('realestate', 12); // 0.4 targets, a 15-minute matter at level 2
    const params = DEFAULT_ROUTING;
    expect(pickNext([g, r], w, county, NOW, params)?.candidate).toBe(g);
    const facts = { bottlenecks: new Set(['realestate']) };
    const picked = pickNext([g, r], w, county, NOW, params, facts)!;
    expect(picked.candidate).toBe(r);
    // Scored as the window's own matter with the hall's largest short-matter factor (social, 6 minutes).
    expect(picked.score).toMatchObject({ bottleneck: true, level: 1, levelPenalty: 0 });
    expect(picked.score.shortMatter).toBeCloseTo((10 / 6) ** params.shortFirst);
  });
});

describe('routing terms', () => {
  it('near-target bonus: a matter a few minutes from its target is called before one just as late in share', () => {
    const params = { ...DEFAULT_ROUTING, shortFirst: 0, nearTargetMin: 3, nearTargetBonus: 0.3 };
    const w = win({ general: 1, tax: 1 });
    const tax = cand('tax', 18); // 0.9 targets, 2 minutes from its target: + 0.3
    const general = cand('general', 15.5); // 1.03 targets, already late
    expect(pick([general, tax], w, params)).toBe(tax);
    expect(pick([general, tax], w, { ...params, nearTargetBonus: 0 })).toBe(general);
  });

  it('a matter the window only helps with never counts as shorter than the window’s own matters', () => {
    const land = new Map([
      ...services,
      ['landuse', { ...svc('landuse', 30), avgServiceMin: 15 }],
      ['general', { ...svc('general', 15), avgServiceMin: 7 }],
    ]);
    // A per-hall setting, off by default (docs/benchmarks.md: it cost mean and p90 on the family).
    const params = { ...DEFAULT_ROUTING, helpNoShorter: true };
    const w = win({ landuse: 1, general: 2 });
    const own = cand('landuse', 12); // 0.4 targets of a 15-minute matter
    const help = cand('general', 7); // 0.47 targets of a 7-minute matter, level 2
    const s = pickNext([own, help], w, land, NOW, params)!;
    expect(s.candidate).toBe(own);
    const helped = score(help, w, land.get('general')!, NOW, params, undefined, {
      ownShortest: (10 / 15) ** params.shortFirst,
    })!;
    expect(helped.shortMatter).toBeCloseTo((10 / 15) ** params.shortFirst);
  });
});
