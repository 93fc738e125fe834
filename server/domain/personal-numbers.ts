// Free text a clerk or visitor types (a transfer note, a pause reason shown on the public boards, an
// evaluation comment, a follow-up note) must not carry a visitor's full ID or mobile number (DESIGN.md §7).
// Such numbers are masked where the text enters the hall core, like the stored ID (first 3 + last 4):
// - an 18-character resident ID: 17 digits and a digit or X (written 6-8-4 with spaces or hyphens too);
// - an 11-digit mainland mobile number 1[3-9]xxxxxxxxx (also +86 / 86 in front, or written 3-4-4).
// A number inside a longer run of digits (an order number, a case number) is left alone. Pure.

const SEP = '[ \\-]?';
const ID = new RegExp(`(?<![0-9])(\\d{6})${SEP}(\\d{8})${SEP}(\\d{3}[\\dXx])(?![0-9])`, 'g');
const MOBILE = new RegExp(`(?<![0-9])((?:(?:\\+|00)?86${SEP})?)(1[3-9]\\d)${SEP}(\\d{4})${SEP}(\\d{4})(?![0-9])`, 'g');

const masked = (digits: string) => `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;

/** The text with every ID and mobile number in it masked (first 3 and last 4 kept); other text unchanged. */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID, (_m, a: string, b: string, c: string) => masked(`${a}${b}${c}`.toUpperCase()))
    .replace(MOBILE, (_m, cc: string, a: string, b: string, c: string) => `${cc}${masked(`${a}${b}${c}`)}`);
}

/** The same for an optional field. */
export function maskOptional<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? maskPersonalNumbers(text) : text) as T;
}
