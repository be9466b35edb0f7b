import { WORDS_PER_MINUTE } from './import-limits';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'as', 'was', 'on', 'are', 'by', 'this'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'qui', 'sur', 'pas', 'du', 'au', 'avec'],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'ein',
    'eine',
    'zu',
    'den',
    'mit',
    'von',
    'sich',
    'auf',
    'für',
    'dem',
  ],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'en', 'un', 'una', 'por', 'con', 'para', 'es', 'del', 'se', 'como'],
  it: ['il', 'di', 'che', 'e', 'la', 'un', 'una', 'per', 'non', 'sono', 'della', 'gli', 'con', 'del', 'nel', 'è'],
  pt: ['o', 'a', 'os', 'as', 'e', 'que', 'de', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'met', 'voor', 'zijn', 'ook', 'maar', 'wordt'],
};

const SAMPLE_CHARS = 20_000;

/**
 * A cheap language guess (BCP 47 primary tag) from script and stopwords, or null when unsure.
 * Only used when the source declares no language.
 */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  const share = (re: RegExp): number => (sample.match(re)?.length ?? 0) / letters;
  if (share(/[\u3040-\u30ff]/gu) > 0.05) return 'ja';
  if (share(/\p{Script=Han}/gu) > 0.3) return 'zh';
  if (share(/\p{Script=Hangul}/gu) > 0.3) return 'ko';
  if (share(/\p{Script=Arabic}/gu) > 0.3) return 'ar';
  if (share(/\p{Script=Hebrew}/gu) > 0.3) return 'he';
  if (share(/\p{Script=Greek}/gu) > 0.3) return 'el';
  if (share(/\p{Script=Cyrillic}/gu) > 0.3) return share(/[іїєґ]/giu) > 0.005 ? 'uk' : 'ru';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestScore = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    let score = 0;
    for (const w of words) if (set.has(w)) score++;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return words.length > 0 && bestScore / words.length >= 0.08 ? best : null;
}
