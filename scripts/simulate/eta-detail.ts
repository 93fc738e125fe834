// Where the predicted wait goes wrong (issue 25): the error of ours and of the naive formula on the same
// tickets, broken down by what the hall looked like at the issue. Signed error: predicted − actual (above 0:
// the ticket promised longer than it waited).
//   npx tsx scripts/simulate/eta-detail.ts scenarios/<name>.json [--reps 2] [--seed 1]
import { parseArgs } from 'node:util';
import { etaDays, type IssueTag } from './eta';
import { loadScenario } from './scenario';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { reps: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' } },
});
const scenario = loadScenario(positionals[0]!);
const days = etaDays(scenario, 'ours', { reps: Number(values.reps), seed: Number(values.seed) });

interface Row {
  tag: IssueTag;
  actual: number;
  ours: number;
  naive: number;
  low: number;
  high: number;
}
const rows: Row[] = [];
for (const { day, issued } of days)
  for (const v of day.served) {
    const p = v.id === undefined ? undefined : issued.get(v.id);
    if (!p) continue;
    rows.push({ tag: p.tag, actual: v.wait - p.lag, ours: p.minutes, naive: p.naive, low: p.low, high: p.high });
  }

const soon = (r: Row) => Math.round(r.ours) === 0 && Math.round(r.high) <= 1;
const band = (n: number) => (n === 0 ? '0' : n <= 2 ? '1-2' : n <= 5 ? '3-5' : '6+');
const cuts: [string, (r: Row) => string][] = [
  ['shown', (r) => (soon(r) ? 'soon' : 'range')],
  ['ahead', (r) => band(r.tag.ahead)],
  ['matter', (r) => r.tag.service],
  ['hour', (r) => String(Math.floor(r.tag.at / 60)).padStart(2, '0')],
  ['free/busy', (r) => `${r.tag.free > 0 ? 'free' : 'none free'}`],
  ['free n', (r) => `${Math.min(r.tag.free, 3)}${r.tag.free >= 3 ? '+' : ''} free`],
  ['priority', (r) => (r.tag.priority ? 'priority' : 'regular')],
  ['ahead×free', (r) => `${band(r.tag.ahead)} / ${r.tag.free > 0 ? 'free' : 'none'}`],
];
const f = (x: number) => x.toFixed(2).padStart(7);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(`${scenario.name}: ${days.length} days, ${rows.length} tickets`);
const header = [
  '',
  'n',
  'share',
  'actual',
  'ours±',
  'ours|e|',
  'naive±',
  'naive|e|',
  'ratio',
  'in80',
  '<low',
  '>med',
  '>high',
];
const share = (rs: Row[], p: (r: Row) => boolean) =>
  `${((rs.filter(p).length / Math.max(1, rs.length)) * 100).toFixed(0)}%`.padStart(5);
const line = (k: string, rs: Row[]) =>
  console.log(
    [
      k.padEnd(22),
      String(rs.length).padStart(6),
      `${((rs.length / rows.length) * 100).toFixed(0)}%`.padStart(5),
      f(mean(rs.map((r) => r.actual))),
      f(mean(rs.map((r) => r.ours - r.actual))),
      f(mean(rs.map((r) => Math.abs(r.ours - r.actual)))),
      f(mean(rs.map((r) => r.naive - r.actual))),
      f(mean(rs.map((r) => Math.abs(r.naive - r.actual)))),
      `${((mean(rs.map((r) => Math.abs(r.ours - r.actual))) / mean(rs.map((r) => Math.abs(r.naive - r.actual)))) * 100).toFixed(0)}%`.padStart(
        6,
      ),
      share(rs, (r) => r.actual >= r.low - 1e-9 && r.actual <= r.high + 1e-9),
      share(rs, (r) => r.actual < r.low - 1e-9),
      share(rs, (r) => r.actual > r.ours + 1e-9),
      share(rs, (r) => r.actual > r.high + 1e-9),
    ].join(' '),
  );
console.log(header.map((x, i) => (i ? x.padStart(i === 1 ? 6 : i === 2 ? 5 : 7) : x.padEnd(22))).join(' '));
line('all', rows);
for (const [name, key] of cuts) {
  console.log(`-- ${name}`);
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const k of [...groups.keys()].sort()) line(k, groups.get(k)!);
}
