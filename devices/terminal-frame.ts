// A box of text for terminal simulators, counting CJK characters as two columns.
const wide = (ch: string) =>
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch);

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += wide(ch) ? 2 : 1;
  return w;
}

export function frame(lines: readonly string[], width: number, color: boolean): string {
  const inner = Math.max(width, ...lines.map(displayWidth));
  const red = (s: string) => (color ? `\x1b[1;31m${s}\x1b[0m` : s);
  const body = lines.map((l) => `│ ${red(l)}${' '.repeat(inner - displayWidth(l))} │`);
  return [`┌${'─'.repeat(inner + 2)}┐`, ...body, `└${'─'.repeat(inner + 2)}┘`].join('\n');
}
