// What the hall says when it calls: the display text from the hall's template, and the spoken form
// with the ticket read letter by letter and digit by digit (A012 → A零一二) as Chinese halls do.
const DIGITS = '零一二三四五六七八九';

export function spokenTicket(number: string): string {
  return [...number].map((ch) => (ch >= '0' && ch <= '9' ? DIGITS[Number(ch)] : ch)).join('');
}

/** `{window}` is the window's number, `{windowName}` its name as the hall wrote it. */
export function fillTemplate(template: string, ticket: string, windowNo: number | string, windowName = ''): string {
  return template
    .replaceAll('{ticket}', ticket)
    .replaceAll('{windowName}', windowName || String(windowNo))
    .replaceAll('{window}', String(windowNo));
}

export function announcement(
  template: string,
  number: string,
  windowNo: number,
  windowName?: string,
): { text: string; spoken: string } {
  return {
    text: fillTemplate(template, number, windowNo, windowName),
    spoken: fillTemplate(template, spokenTicket(number), windowNo, windowName),
  };
}
