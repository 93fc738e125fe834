// Text cells a spreadsheet must show as text, never run (OWASP "CSV injection"): a name or free text that
// begins with = + - @, a tab or a carriage return (or a full-width ＝ ＋ － ＠, which Excel's IME input turns
// into the ASCII ones) gets a leading apostrophe, so Excel and WPS show it literally and never evaluate it.
// Only text columns pass through here: numbers (a negative count included) stay numbers.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
