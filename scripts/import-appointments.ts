// Loads a booking system's export into a running hall through its API (the same checks as the booking
// system's own calls: all rows or none).
//
//   npm run import-appointments -- appointments.csv --server http://192.168.1.10:8080 --token BOOKING_TOKEN
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseAppointmentsFile } from './appointments-file';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    server: { type: 'string', default: 'http://localhost:8080' },
    token: { type: 'string', default: process.env.HALL_TOKEN },
  },
});

async function main(): Promise<number> {
  const file = positionals[0];
  if (!file || !values.token) {
    console.error('usage: npm run import-appointments -- FILE.csv|FILE.json --server URL --token TOKEN');
    return 2;
  }
  let appointments;
  try {
    appointments = parseAppointmentsFile(file, readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: ${(e as Error).message}`);
    return 1;
  }
  const res = await fetch(`${values.server}/api/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${values.token}` },
    body: JSON.stringify({ appointments }),
  }).catch((e: Error) => {
    console.error(`cannot reach ${values.server}: ${e.message}`);
    return null;
  });
  if (!res) return 1;
  const body = (await res.json().catch(() => ({}))) as { loaded?: number; error?: { message: string } };
  if (!res.ok) {
    console.error(`${file}: refused (${res.status}): ${body.error?.message ?? ''}`);
    return 1;
  }
  console.log(`${file}: ${body.loaded} appointments loaded`);
  return 0;
}

void main().then((code) => process.exit(code));
