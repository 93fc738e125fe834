// 分派规则 on the admin's "other" tab: the routing rule's settings (server/config/routing-schema.ts) in the
// admin's words, each with what it does, grouped as the rule uses them; the per-hall terms of issue 24 are
// here too, off by default (docs/benchmarks.md says what each costs and gains on the scenario family).
import { html } from 'lit';
import { DEFAULT_ROUTING } from '../../../server/domain/routing';
import { translator } from '../shared/i18n';
import type { fields } from './fields';

type Fields = ReturnType<typeof fields>;
type Obj = Record<string, any>;

const t = translator({
  general: { zh: '基本权重', en: 'Weights' },
  priority: { zh: '优先群众', en: 'Priority visitors' },
  bottleneck: { zh: '瓶颈事项（按本厅情况启用）', en: 'Bottleneck matters (per hall)' },
  priorityBoost: { zh: '优先群众加分', en: 'Priority boost' },
  levelPenalty: { zh: '兼办减分（每级）', en: 'Penalty per skill level' },
  shortFirst: { zh: '短事项优先指数（0 为不考虑办理时长）', en: 'Short-matter exponent (0: off)' },
  rescueAfterMin: { zh: '超时救急起点(分钟)', en: 'Rescue after (min)' },
  rescuePer10Min: { zh: '救急加分（每10分钟）', en: 'Rescue per 10 min' },
  nearTargetMin: { zh: '临近目标提前量(分钟)', en: 'Near target within (min)' },
  nearTargetBonus: { zh: '临近目标加分（0 为关闭）', en: 'Near-target bonus (0: off)' },
  helpNoShorter: { zh: '兼办事项不按更短优先', en: 'A helped matter never counts as shorter' },
  levelWeights: { zh: '各级熟练度权重（逗号分隔）', en: 'Level weights (comma-separated)' },
  ordinaryFirstAfterMin: {
    zh: '普通号等候超过此分钟数时先于优先群众',
    en: 'An ordinary ticket goes first after (min)',
  },
  priorityWhenOwnEmpty: { zh: '本窗口无人等候时先办兼办事项的优先群众', en: 'Own line empty: helped priority first' },
  priorityWhenHelping: { zh: '兼办时先办优先群众', en: 'Helping: priority visitors first' },
  priorityHelpAfterMin: {
    zh: '兼办窗口先办优先群众：其已等候(分钟)',
    en: 'Helpers take priority visitors first after (min)',
  },
  priorityEverywhere: { zh: '优先群众跨事项最先（会拉长其他人等候）', en: 'Priority first across matters' },
  bottlenecks: { zh: '瓶颈事项', en: 'Bottleneck matters' },
  bnOff: { zh: '不使用', en: 'Off' },
  bnAuto: { zh: '自动（按本厅同工作日到访）', en: 'Auto (from this hall’s arrivals)' },
  bnList: { zh: '指定事项', en: 'Named matters' },
  bnIds: { zh: '事项编号（逗号分隔）', en: 'Service IDs (comma-separated)' },
  bottleneckMargin: { zh: '判定为瓶颈的负荷比', en: 'Bottleneck margin' },
  bottleneckWeight: { zh: '瓶颈拉力（0–1 较温和）', en: 'Bottleneck pull weight' },
  bottleneckHelpers: { zh: '哪些兼办窗口把瓶颈当本窗口事项', en: 'Helpers that take it up as their own' },
  helpersAll: { zh: '全部', en: 'All' },
  helpersShared: { zh: '除本事项唯一窗口外', en: 'Not a matter’s only window' },
  helpersNone: { zh: '不', en: 'None' },
  bottleneckOwnFirst: { zh: '瓶颈事项的主办窗口有人等候时不兼办', en: 'Its own windows stay with it' },
  bottleneckRescueAfterMin: { zh: '瓶颈事项提前救急(分钟，0 为关闭)', en: 'Its earlier rescue (min, 0: off)' },
  loadExp: { zh: '事项负荷指数（0 为关闭）', en: 'Load exponent (0: off)' },
  loadHelpOnly: { zh: '负荷系数只在兼办时使用', en: 'Load factor only when helping' },
});

type Key = Parameters<typeof t>[0];
const NUMBERS: Record<'general' | 'priority' | 'bottleneck', [Key, number, number, number][]> = {
  general: [
    ['shortFirst', 0, 4, 0.05],
    ['levelPenalty', 0, 100, 0.1],
    ['rescueAfterMin', 0, 600, 1],
    ['rescuePer10Min', 0, 1000, 1],
    ['nearTargetMin', 0, 120, 1],
    ['nearTargetBonus', 0, 100, 0.1],
  ],
  priority: [
    ['priorityBoost', 0, 100, 0.5],
    ['ordinaryFirstAfterMin', 0, 600, 1],
    ['priorityHelpAfterMin', 0, 600, 1],
  ],
  bottleneck: [
    ['bottleneckMargin', 0.5, 3, 0.01],
    ['bottleneckWeight', 0, 10, 0.1],
    ['bottleneckRescueAfterMin', 0, 600, 1],
    ['loadExp', 0, 4, 0.05],
  ],
};
const CHECKS: Record<'general' | 'priority' | 'bottleneck', Key[]> = {
  general: ['helpNoShorter'],
  priority: ['priorityWhenOwnEmpty', 'priorityWhenHelping', 'priorityEverywhere'],
  bottleneck: ['bottleneckOwnFirst', 'loadHelpOnly'],
};

const list = (v: string) => v.split(/[,，\s]+/).filter(Boolean);

/** The value in force: the hall's own, else the rule's default (the file need not list every setting). */
const D = DEFAULT_ROUTING as unknown as Obj;

export function routingSection(f: Fields, r: Obj) {
  const value = (k: string) => r[k] ?? D[k];
  const nums = (g: keyof typeof NUMBERS) =>
    NUMBERS[g].map(
      ([k, min, max, step]) => html`<label>${t(k)}${f.num(r, k, t(k), { min, max, step, fallback: D[k] })}</label>`,
    );
  const checks = (g: keyof typeof CHECKS) => CHECKS[g].map((k) => f.check(r, k, t(k), D[k]));
  const bn = value('bottlenecks');
  const mode = bn === 'auto' ? 'auto' : Array.isArray(bn) && bn.length ? 'list' : 'off';
  return html`<h4>${t('general')}</h4>
    <div class="grid" data-testid="routing">
      ${nums('general')}
      <label
        >${t('levelWeights')}
        <input
          aria-label=${t('levelWeights')}
          .value=${(value('levelWeights') as number[]).join(',')}
          @change=${(e: Event) => f.set(r, 'levelWeights', list((e.target as HTMLInputElement).value).map(Number))}
      /></label>
      ${checks('general')}
    </div>
    <h4>${t('priority')}</h4>
    <div class="grid" data-testid="routing-priority">${nums('priority')} ${checks('priority')}</div>
    <h4>${t('bottleneck')}</h4>
    <div class="grid" data-testid="routing-bottleneck">
      <label
        >${t('bottlenecks')}
        <select
          aria-label=${t('bottlenecks')}
          data-testid="bottlenecks"
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            f.set(r, 'bottlenecks', v === 'auto' ? 'auto' : v === 'list' && mode === 'list' ? bn : []);
          }}
        >
          ${(['off', 'auto', 'list'] as const).map(
            (v) =>
              html`<option value=${v} ?selected=${mode === v}>
                ${t(v === 'off' ? 'bnOff' : v === 'auto' ? 'bnAuto' : 'bnList')}
              </option>`,
          )}
        </select></label
      >
      <label
        >${t('bnIds')}
        <input
          aria-label=${t('bnIds')}
          data-testid="bottleneck-ids"
          .value=${Array.isArray(bn) ? bn.join(',') : ''}
          ?disabled=${mode === 'auto'}
          @change=${(e: Event) => f.set(r, 'bottlenecks', list((e.target as HTMLInputElement).value))}
      /></label>
      <label
        >${t('bottleneckHelpers')}${f.select(
          r,
          'bottleneckHelpers',
          t('bottleneckHelpers'),
          [
            ['all', t('helpersAll')],
            ['shared', t('helpersShared')],
            ['none', t('helpersNone')],
          ],
          D.bottleneckHelpers,
        )}</label
      >
      ${nums('bottleneck')} ${checks('bottleneck')}
    </div>`;
}
