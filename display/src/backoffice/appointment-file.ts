// Reads the booking system's file for 导入预约: a CSV (预约号,事项,日期,开始,结束,姓名 — a heading row in
// Chinese or English, or those columns in that order) or the JSON the API takes ({ appointments: [...] }).
// Times without an offset are the hall's local time. Pure apart from Intl: unit-tested.

export interface AppointmentIn {
  code: string;
  serviceId: string;
  slotStart: string;
  slotEnd: string;
  nameMasked?: string;
}

export class FileProblem extends Error {}

const HEADINGS: Record<string, keyof Row> = {
  预约号: 'code',
  预约编号: 'code',
  code: 'code',
  事项: 'service',
  业务: 'service',
  service: 'service',
  serviceid: 'service',
  日期: 'date',
  date: 'date',
  开始: 'start',
  开始时间: 'start',
  start: 'start',
  结束: 'end',
  结束时间: 'end',
  end: 'end',
  姓名: 'name',
  name: 'name',
};
interface Row {
  code: string;
  service: string;
  date: string;
  start: string;
  end: string;
  name: string;
}
const ORDER: (keyof Row)[] = ['code', 'service', 'date', 'start', 'end', 'name'];

/** RFC 4180 lines: quoted cells may hold commas and doubled quotes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** The zone's offset (+08:00) at about that local time. */
export function zoneOffset(day: string, hhmm: string, timeZone: string): string {
  const at = new Date(`${day}T${hhmm}:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

function when(day: string, time: string, timeZone: string, n: number): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(time)) return time;
  const d = day.replace(/\//g, '-');
  const hm = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !hm) throw new FileProblem(`第 ${n} 行：日期或时间格式不对（${day} ${time}）`);
  const hhmm = `${hm[1]!.padStart(2, '0')}:${hm[2]}`;
  return `${d}T${hhmm}:00${zoneOffset(d, hhmm, timeZone)}`;
}

/** `services`: the hall's services, so a file may name them (税务) or give their ids (tax). */
export function readAppointmentFile(
  text: string,
  services: { id: string; name: string }[],
  timeZone: string,
): AppointmentIn[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new FileProblem('文件不是有效的 JSON');
    }
    const list = Array.isArray(json) ? json : (json as { appointments?: unknown }).appointments;
    if (!Array.isArray(list)) throw new FileProblem('JSON 中没有 appointments 列表');
    return list as AppointmentIn[];
  }
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const first = cells(lines[0] ?? '').map((c) => HEADINGS[c.toLowerCase()]);
  const headed = first.some((k) => k !== undefined);
  const cols = headed ? first : ORDER;
  const serviceId = (s: string, n: number) => {
    const hit = services.find((x) => x.id === s || x.name === s);
    if (!hit) throw new FileProblem(`第 ${n} 行：没有“${s}”这个事项`);
    return hit.id;
  };
  return lines.slice(headed ? 1 : 0).map((line, i) => {
    const n = i + (headed ? 2 : 1);
    const r = {} as Row;
    cells(line).forEach((v, j) => {
      const k = cols[j];
      if (k) r[k] = v;
    });
    if (!r.code || !r.service || !r.start || !r.end) throw new FileProblem(`第 ${n} 行：缺少预约号、事项或时段`);
    return {
      code: r.code,
      serviceId: serviceId(r.service, n),
      slotStart: when(r.date ?? '', r.start, timeZone, n),
      slotEnd: when(r.date ?? '', r.end, timeZone, n),
      ...(r.name ? { nameMasked: r.name } : {}),
    };
  });
}
