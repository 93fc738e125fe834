// Chinese first; English on ?lang=en (remembered per screen).
export type Lang = 'zh' | 'en';

export function currentLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'zh') {
    localStorage.setItem('hall.lang', q);
    return q;
  }
  return localStorage.getItem('hall.lang') === 'en' ? 'en' : 'zh';
}

export type Dict = Record<string, { zh: string; en: string }>;

export function translator<D extends Dict>(dict: D, lang: Lang = currentLang()) {
  return (key: keyof D, vars: Record<string, string | number> = {}): string =>
    dict[key]![lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** A word from a shared bilingual table (status and window-state labels: server/domain/labels.ts). */
export const word = (w: { zh: string; en: string }, lang: Lang = currentLang()): string => w[lang];
