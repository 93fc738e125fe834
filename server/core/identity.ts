// Visitor ID numbers never stored in clear (DESIGN.md §4): a keyed hash for "one open ticket per person
// per service", and a masked form (first 3 + last 4) where a clerk must see it.
import { createHmac } from 'node:crypto';
import { HallError } from '../domain/errors';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Normalises a resident ID number (GB 11643, 18 characters with its check digit) or throws. */
export function normaliseIdNumber(raw: string): string {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    throw new HallError('VALIDATION', '身份证号应为 18 位（最后一位可为 X）', { field: 'idNumber' });
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK[sum % 11] !== id[17]) {
    throw new HallError('VALIDATION', '身份证号校验位不正确，请核对', { field: 'idNumber' });
  }
  return id;
}

export function maskIdNumber(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

export function hashIdNumber(id: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(id).digest('hex');
}
