// Reads a booking system's export of appointments: CSV with a header row (code, serviceId, slotStart,
// slotEnd, name) or JSON (an array, or { appointments: [...] }). Rows are checked by the server.
export interface AppointmentRecord {
  code: string;
  serviceId: string;
  slotStart: string;
  slotEnd: string;
  nameMasked?: string;
}

const HEADER_ALIASES: Record<string, keyof AppointmentRecord> = {
  code: 'code',
  预约码: 'code',
  serviceid: 'serviceId',
  service: 'serviceId',
  事项: 'serviceId',
  slotstart: 'slotStart',
  开始: 'slotStart',
  slotend: 'slotEnd',
  结束: 'slotEnd',
  name: 'nameMasked',
  namemasked: 'nameMasked',
  姓名: 'nameMasked',
};

/** One CSV line into fields (RFC 4180 quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

export function parseAppointmentsCsv(text: string): AppointmentRecord[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  if (!lines.length) return [];
  const header = fields(lines[0]!).map((h, i) => {
    const key = HEADER_ALIASES[h.toLowerCase()];
    if (!key)
      throw new Error(`column ${i + 1}: unknown heading "${h}" (expected code, serviceId, slotStart, slotEnd, name)`);
    return key;
  });
  for (const need of ['code', 'serviceId', 'slotStart', 'slotEnd'] as const) {
    if (!header.includes(need)) throw new Error(`missing column "${need}"`);
  }
  return lines.slice(1).map((line, n) => {
    const f = fields(line);
    if (f.length !== header.length) throw new Error(`line ${n + 2}: ${f.length} fields, expected ${header.length}`);
    const rec: Record<string, string> = {};
    header.forEach((k, i) => {
      if (f[i]) rec[k] = f[i]!;
    });
    return rec as unknown as AppointmentRecord;
  });
}

export function parseAppointmentsFile(name: string, text: string): AppointmentRecord[] {
  if (name.toLowerCase().endsWith('.json')) {
    const json = JSON.parse(text) as unknown;
    const list = Array.isArray(json) ? json : (json as { appointments?: unknown }).appointments;
    if (!Array.isArray(list)) throw new Error('expected an array of appointments or { "appointments": [...] }');
    return list as AppointmentRecord[];
  }
  return parseAppointmentsCsv(text);
}
