// An announcement cut into the units a voice pack speaks. Pure: the hall's template and the call in,
// units out. Ticket numbers are read sign by sign (A012 → A 零 一 二), as Chinese halls read them;
// numbers in the text (window 12, 综合窗口12) are read as numbers (十二); words of the template are
// matched against the pack's clips, longest first; what the pack cannot say goes to the speech engine.

/** One piece of an announcement: a pack clip, text for the speech engine, or a pause (punctuation). */
export type VoiceUnit = { clip: string } | { text: string } | { pause: true };

export interface CallWords {
  ticket: string;
  windowNo: number;
  windowName: string;
}

export const DIGIT_WORDS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const PAUSES = /[\s,，。.!！;；:：、]/;

/** 12 → 十二, 105 → 一百零五, 2000 → 二千 (up to 9999, the largest window number). */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return [...String(n)].map((d) => DIGIT_WORDS[+d] ?? d).join('');
  if (n < 10) return DIGIT_WORDS[n]!;
  const places = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 10–19 are 十, 十一…, not 一十一.
    out += (d === 1 && i === 2 && out === '' ? '' : DIGIT_WORDS[d]!) + places[i]!;
  });
  return out;
}

/** A012 → A 零 一 二: each sign one unit. */
export function ticketUnits(number: string, has: (unit: string) => boolean): VoiceUnit[] {
  return [...number].map((ch) => {
    const unit = ch >= '0' && ch <= '9' ? DIGIT_WORDS[Number(ch)]! : ch.toUpperCase();
    return has(unit) ? { clip: unit } : { text: unit };
  });
}

/**
 * Free text (the template's words, a window's name) into units: numbers read as numbers, the pack's
 * words longest first, anything else gathered into text for the speech engine.
 */
export function textUnits(text: string, has: (unit: string) => boolean, longest = 4): VoiceUnit[] {
  const out: VoiceUnit[] = [];
  const chars = [...text.replace(/\d+/g, (d) => numberWords(Number(d)))];
  let pending = '';
  const flush = () => {
    if (pending) out.push({ text: pending });
    pending = '';
  };
  for (let i = 0; i < chars.length;) {
    if (PAUSES.test(chars[i]!)) {
      flush();
      if (!out.length || !('pause' in out[out.length - 1]!)) out.push({ pause: true });
      i++;
      continue;
    }
    let matched = 0;
    for (let len = Math.min(longest, chars.length - i); len > 0; len--) {
      const word = chars.slice(i, i + len).join('');
      if (has(word) || has(word.toUpperCase())) {
        flush();
        out.push({ clip: has(word) ? word : word.toUpperCase() });
        matched = len;
        break;
      }
    }
    if (matched) i += matched;
    else pending += chars[i++];
  }
  flush();
  return out;
}

/** The hall's template ({ticket}, {window} = number, {windowName} = name as written) as units. */
export function announcementUnits(
  template: string,
  call: CallWords,
  has: (unit: string) => boolean,
  longest = 4,
): VoiceUnit[] {
  const out: VoiceUnit[] = [];
  for (const part of template.split(/(\{ticket\}|\{window\}|\{windowName\})/)) {
    if (!part) continue;
    if (part === '{ticket}') out.push(...ticketUnits(call.ticket, has));
    else if (part === '{window}') out.push(...textUnits(String(call.windowNo), has, longest));
    else if (part === '{windowName}') out.push(...textUnits(call.windowName, has, longest));
    else out.push(...textUnits(part, has, longest));
  }
  // One pause where punctuation meets punctuation, none at either end: the chime leads.
  for (let i = out.length - 1; i > 0; i--) if ('pause' in out[i]! && 'pause' in out[i - 1]!) out.splice(i, 1);
  while (out.length && 'pause' in out[0]!) out.shift();
  while (out.length && 'pause' in out[out.length - 1]!) out.pop();
  return out;
}

/** The texts the speech engine must say for these units. */
export const engineTexts = (units: VoiceUnit[]): string[] => units.flatMap((u) => ('text' in u ? [u.text] : []));
