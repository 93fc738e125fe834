// Where a refused save's problem is, in the admin's words: "事项 第 3 行 · 字头：一到两个大写字母" for the
// server's "services[2].prefix: 一到两个大写字母". The config path stays in brackets for whoever reads the YAML.
import { t } from './admin-i18n';

type Key = Parameters<typeof t>[0];

/** The admin screen's tab for each top-level section of the config; the rest live on the "other" tab. */
const SECTIONS: Record<string, Key> = {
  hall: 'tabHall',
  services: 'tabServices',
  windows: 'tabWindows',
  clerks: 'tabClerks',
  devices: 'tabDevices',
};

/** The column a field is typed in, where the tab has one. */
const FIELDS: Record<string, Key> = {
  id: 'id',
  name: 'name',
  prefix: 'prefix',
  targetWaitMin: 'targetWait',
  dailyCap: 'dailyCap',
  avgServiceMin: 'avgService',
  from: 'hoursFrom',
  to: 'hoursTo',
  matterCodes: 'matterCodes',
  no: 'windowNo',
  kind: 'kind',
  zone: 'zone',
  skills: 'skills',
  canTake: 'canTake',
  role: 'role',
  token: 'token',
  open: 'open',
  close: 'close',
  holidays: 'holidays',
  workdays: 'workdays',
};

export function problemText(problem: string): string {
  const m = /^([^:：\s]+): ([\s\S]*)$/.exec(problem);
  if (!m) return problem;
  const [, path, message] = m as unknown as [string, string, string];
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  const [top, ...rest] = parts;
  const section = t(SECTIONS[top!] ?? 'tabOther');
  const row = rest.length && /^\d+$/.test(rest[0]!) ? t('row', { n: Number(rest.shift()) + 1 }) : '';
  // The last field the tab names (hours.to → 取号止; skills.tax → 可办事项).
  const named = rest.filter((p) => FIELDS[p]).pop();
  const field = named ? t(FIELDS[named]!) : '';
  const place = [section, row].filter(Boolean).join(' ') + (field ? ` · ${field}` : '');
  return t('problemAt', { place, message, path });
}
