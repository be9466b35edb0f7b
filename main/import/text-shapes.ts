// What a line or block of a page saved as text is, judged the way a reader would at a glance: the
// site's navigation, a breadcrumb, a share button, a photo credit, a byline, a "Related" heading, an
// ad. Each test is small and conservative; text-reader.ts decides with them where the article is.
import { countWordsIn, type TextBlock } from './text-blocks';

/** A list item as browsers, lynx and w3m write them: bullets, boxes, dashes or "1.". */
const BULLET = /^\s*(?:[*•◦▪▫□■‣⁃+·-]|\d{1,3}[.)])\s+/;

/** Artefacts of text browsers and "Save as text": form controls, frames, head links, rules. */
const TOOL_ARTEFACT =
  /^(?:#\S.*|\(BUTTON\).*|IFRAME:.*|\[(?:BUTTON|IMG|INLINE|image|INS:)[^\]]*\]?.*|_{4,}.*|\[\s*\]\s.*|\[[_\s]{4,}\].*|-{4,}|={4,}|\*{3,}|\[[^\]]*\.(?:png|jpe?g|gif|svg|webp)\]|Your browser does not support.*|(?:Please )?enable JavaScript.*|JavaScript is (?:disabled|required).*)$/i;

const NAVIGATION =
  /^(?:home(?:page)?|menu|main menu|open menu|close menu|toggle (?:navigation|menu)|navigation|main navigation|navigate|sections?|topics|search(?: this site)?|go|submit|skip to (?:main )?(?:content|navigation|search)|skip (?:navigation|ad|advertisement)|jump to (?:navigation|content|search)|back to top|top|sign in|sign up|sign out|log ?in|log ?out|register|my account|account|profile|settings|close|open|show more|show less|more|less|expand|collapse|next|previous|prev|back|forward|page \d+(?: of \d+)?|edition|(?:us|uk|international) edition|language|english|español|français|deutsch|latest|latest news|news|features|recent features|opinion|video|videos|podcasts?|photos|newsletters?|rss(?: feeds?)?|about(?: us)?|contact(?: us)?|careers|jobs|store|shop|help|faq|print|email|e-mail|share|tweet|comments?|\d+ comments?|subscribe|donate|contribute|advertise|listen|watch|follow|trending|popular|breaking news|more stories|view all|see all|all stories|load more|continue|continue reading|read more|read full story|full story|advertisement|sponsored|ad|ads|close ad|loading\.*|menu close)$/i;

const SHARE =
  /^(?:share(?: (?:this|on|via|to|the|story|article|page|post)\b.*)?|(?:tweet|email|e-mail|print|send|save)(?: (?:this|the))?(?: (?:article|story|post|page|link))?|pin(?: it)?|copy(?: the)? link|save(?: (?:for later|article|story))?|(?:like|follow) us\b.*|follow (?:@|on\b).*|subscribe\b.*|sign up\b.*|get (?:our|the) (?:\S+ )?newsletter\b.*|(?:join|get) (?:our|the) (?:mailing list|newsletter)\b.*|newsletter\b.*|download (?:our|the) app\b.*|get the app\b.*|(?:facebook|twitter|x|linkedin|reddit|whatsapp|pinterest|flipboard|email|messenger|telegram)(?:\s*[|/·•,]\s*(?:facebook|twitter|x|linkedin|reddit|whatsapp|pinterest|flipboard|email|messenger|telegram))*)$/i;

const RELATED_LABEL =
  /^(?:related(?: (?:articles?|stories|posts?|content|reading|coverage|topics|links|news|video))?|recent(?: (?:posts|articles|stories|features|news))?|more (?:from|on|in|about|stories|news|like this|to read|articles|coverage)\b.*|read (?:more|next|also)(?: (?:on|about|from)\b.*)?|see also|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: (?:for you|stories|reading|articles))?|most (?:popular|read|viewed|shared|commented)|trending(?: (?:now|stories|today))?|popular(?: (?:posts|stories|now))?|latest(?: (?:news|stories|posts|articles|videos))?|top stories|editors?'?’?s? picks|further reading|also (?:on|in|read)\b.*|in other news|around the web|from (?:the web|our partners)|elsewhere on \S.*|keep reading|what to read next|up next)\s*:?$/i;

const COMMENTS_LABEL =
  /^(?:comments?(?: \(\d+\))?|\d+ (?:comments?|responses?|replies)|reader comments|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|show comments|view comments|discussion|responses?)\s*:?$/i;

const FOOTER =
  /(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|privacy (?:policy|notice)|terms (?:of (?:use|service)|and conditions|& conditions)|cookie (?:policy|settings|preferences)|do not sell my)/i;

const AD =
  /(?:^advertisement$|^sponsored(?: content| by\b.*)?$|^promoted(?: content)?$|^paid (?:content|partner)|\bjobs? board\b|\bfind (?:your|a) (?:[\p{L}-]+ ){0,3}job\b|\bdreaming of a career\b|\b(?:free|start your) trial\b|\bbuy now\b|\bshop now\b|\bsubscribe (?:now|today)\b|\b\d+% off\b|\blimited[- ]time offer\b|\bspecial offer\b|\bget (?:unlimited|full) access\b|\bclick here\b|\bdownload (?:our|the) app\b|\b(?:sign up|subscribe|register|join)\b.{0,60}\bnewsletters?\b|\bnewsletters? (?:like this|straight to your inbox)\b|\bwant more\b[^.?!]*\?)/iu;

const CREDIT =
  /^\(?\s*(?:credits?|photo(?:graph)?s?(?: credit)?|pictures?|image(?: credit)?s?|illustrations?|caption|foto|bild|(?:media|image|video) caption)\s*(?:[:：|]|by\b)/iu;
const INLINE_CREDIT =
  /[.!?)”"]\s+(?:\(?\s*(?:credit|photo(?:graph)?|picture|image|illustration|source)s?\s*:|photo(?:graph)? by\b|\(?(?:AP|AFP|Reuters|Getty Images|EPA)(?: Photo)?[/)])/iu;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\.?';
export const DATE_IN_LINE = new RegExp(
  `(?:\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}\\b|\\b\\d{4}年\\d{1,2}月\\d{1,2}日)`,
  'iu',
);
const DATE_WORDS = new RegExp(
  `^(?:published|posted|updated|last|modified|on|at|am|pm|a\\.m\\.?|p\\.m\\.?|utc|gmt|[ecmp][sd]t|bst|cet|cest|ist|jst|aest|et|pt|ct|mt|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|${MONTH}|[0-9:.]+|st|nd|rd|th|of|and|mins?|minutes?|read|hours?|ago|le|um|uhr|à|h)$`,
  'iu',
);

/** "By Jane Doe", "Written by …", "Words: …", "Author: …", "von …", "par …", "por …" (the names follow). */
const BYLINE =
  /^(?:by|written by|words by|story by|text by|reporting by|reported by|posted by|von|par|por|di|door|av|af|autor(?:in)?:|author:|words:|text:)\s+(.+)$/iu;

export function isBulletLine(line: string): boolean {
  return BULLET.test(line);
}

export function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

export function isToolArtefact(flat: string): boolean {
  return TOOL_ARTEFACT.test(flat);
}

export function isNavigationLine(flat: string): boolean {
  if (flat.length > 200) return isToolArtefact(flat);
  const s = stripBullet(flat).replace(/[\s:›»>→|]+$/, '');
  return NAVIGATION.test(s) || isToolArtefact(flat);
}

/** "Security | Central Asia", "Home › World › Africa", "Biz & IT —": short segments between separators. */
export function isBreadcrumb(flat: string): boolean {
  if (flat.length > 160 || /[.!?]$/.test(flat) || countWordsIn(flat) > 14) return false;
  if (/^[^.!?]{2,40}\s[—–-]$/.test(flat)) return true;
  const parts = flat.split(/\s+(?:\||›|»|>|\/|•|·|::)\s+/);
  return parts.length >= 2 && parts.every((p) => p.trim() !== '' && countWordsIn(p) <= 4);
}

export function isShareLine(flat: string): boolean {
  if (flat.length > 160) return false;
  const s = stripBullet(flat);
  return SHARE.test(s.replace(/[\s:.!]+$/, '')) && countWordsIn(s) <= 12;
}

export function isRelatedLabel(flat: string): boolean {
  return (
    flat.length <= 100 && RELATED_LABEL.test(stripBullet(flat).replace(/[\s.…»›→]+$/, '')) && countWordsIn(flat) <= 8
  );
}

/** "Related: Three towns that tried trams", "Read more: …": a link to another article, set in the text. */
export function isRelatedLink(flat: string): boolean {
  return (
    flat.length <= 200 &&
    /^(?:related|read more|read also|also read|see also|more on this(?: story)?|recommended|watch|listen|more|read next|don'?t miss)\s*[:：]\s*\S/i.test(
      flat,
    ) &&
    countWordsIn(flat) <= 24
  );
}

export function isCommentsLabel(flat: string): boolean {
  return flat.length <= 80 && COMMENTS_LABEL.test(flat.replace(/[\s.…»›→]+$/, '')) && countWordsIn(flat) <= 6;
}

export function isFooterLine(flat: string): boolean {
  return flat.length <= 400 && FOOTER.test(flat) && countWordsIn(flat) <= 30;
}

/** Words one of the AD patterns needs: a cheap test first, since most blocks are plain paragraphs. */
const AD_HINT =
  /advert|sponsor|promot|paid|job|career|trial|now\b|% off|offer|access|click|app\b|newsletter|want more/i;

/** An ad or a house promotion: short, and saying what ads say. */
export function isAdBlock(block: TextBlock): boolean {
  return block.words <= 40 && AD_HINT.test(block.flat) && AD.test(block.flat);
}

export function isCreditLine(flat: string): boolean {
  return flat.length <= 300 && CREDIT.test(flat) && countWordsIn(flat) <= 25;
}

/** A photo caption that carries its own credit: "A boat at dawn. Photograph: A. Person for Paper". */
export function hasInlineCredit(flat: string): boolean {
  return flat.length <= 800 && INLINE_CREDIT.test(flat) && countWordsIn(flat) <= 80;
}

/** A line that is a date and little else ("Updated March 3, 2024 8:02 pm ET"). */
export function isDateLine(flat: string): boolean {
  if (flat.length > 160) return false;
  const m = DATE_IN_LINE.exec(flat);
  if (!m || countWordsIn(flat) > 16) return false;
  const rest = (flat.slice(0, m.index) + ' ' + flat.slice(m.index + m[0].length)).match(/[\p{L}\p{N}.]+/gu) ?? [];
  return rest.filter((w) => !DATE_WORDS.test(w)).length <= 1;
}

export function findDate(flat: string): string | null {
  return DATE_IN_LINE.exec(flat)?.[0] ?? null;
}

/**
 * The names of a byline line, cleaned: never "By" alone, a date, a comment count or a role. Returns
 * null for a line that is not a byline.
 */
export function bylineOf(flat: string): string | null {
  if (flat.length > 160) return null;
  const m = BYLINE.exec(flat);
  if (m?.[1]) return cleanNames(m[1]);
  // "on March 10, 2015 by Jane Doe", "Le Monde | 04.05.2015 | Par Jean Dupont": a dateline with the names in it.
  if (!DATE_IN_LINE.test(flat) || countWordsIn(flat) > 24) return null;
  const inner =
    /(?:^|\s|\|)(?:[Bb][Yy]|[Pp]ar|[Pp]or|von|di)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|da|del|and|&|et|y|und)){0,5})/u.exec(
      flat,
    );
  return inner?.[1] ? cleanNames(inner[1]) : null;
}

/** "Jane Doe and John Roe on March 3, 2024 | 51 Comments" → "Jane Doe and John Roe". */
export function cleanNames(raw: string): string | null {
  let s = raw
    .replace(/\s+/g, ' ')
    .split(/\s[|•·]\s|\s[—–-]\s(?=\S)/)[0]!
    .replace(/\s+\(?\d+\s+comments?\)?.*$/i, '')
    .replace(/\s+(?:發表[在於]|发表[在于]|留言\(|評論|评论).*$/u, '')
    .replace(/\s+(?:edited|photos?|photographs|illustrations?|additional reporting|translated)\s+by\b.*$/i, '')
    .replace(/,?\s+(?:on|am|le|el|il|vom|am)\s+.*$/i, (tail) => (DATE_IN_LINE.test(tail) ? '' : tail))
    .replace(DATE_IN_LINE, '')
    .replace(/\b(?:last\s+)?(?:published|updated|posted|modified)\b.*$/i, '')
    .replace(/\s\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?(?=\s|$).*$/i, '')
    .replace(/[\s,;:|/–—-]+$/, '')
    .replace(/^[\s,;:|/–—-]+/, '')
    .trim();
  s = s.replace(/^by\s+/i, '').trim();
  // "Jane Doe, Senior Staff Technologist, The Project": the name, not the job.
  const [first, ...more] = s.split(/,\s+/);
  if (more.length > 0 && countWordsIn(s) > 6 && countWordsIn(first!) >= 2 && countWordsIn(first!) <= 4) s = first!;
  const words = countWordsIn(s);
  // Names are capitalized in scripts that have capitals (Chinese or Japanese names have none).
  if (words === 0 || words > 12 || (/[A-Za-z]/.test(s) && !/\p{Lu}/u.test(s)) || /^\d/.test(s)) return null;
  if (/https?:|www\.|@\S+\.\S/.test(s)) return null;
  return s;
}

/** Ends like a sentence (possibly inside a closing quote or bracket). */
export function endsLikeSentence(flat: string): boolean {
  return /[.!?…。！？]["'”’»)\]]*$/.test(flat);
}

/** A paragraph a person wrote: enough words, and shaped like sentences. */
export function isProse(block: TextBlock): boolean {
  if (isListBlock(block)) {
    // A list of points made in sentences is prose; a menu of short links is not.
    const items = block.lines.filter(isBulletLine).map(stripBullet);
    return block.words >= 12 && block.words / Math.max(1, items.length) >= 10 && items.some(endsLikeSentence);
  }
  const cjk = (block.flat.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? [])
    .length;
  if (cjk >= 40) return /[。！？」』）]$/.test(block.flat) || cjk >= 80;
  if (block.words < 12) return false;
  return endsLikeSentence(block.flat) || block.words >= 30;
}

/** Most of its lines are list items (continuation lines aside). */
export function isListBlock(block: TextBlock): boolean {
  const bullets = block.lines.filter(isBulletLine).length;
  return bullets >= 1 && bullets >= block.lines.length / 2;
}

/** A list of short items without sentences: a site menu, a list of links. */
export function isLinkList(block: TextBlock): boolean {
  if (!isListBlock(block)) return false;
  const items = block.lines.filter(isBulletLine).map(stripBullet);
  return items.length >= 2 && items.every((item) => countWordsIn(item) <= 10 && !endsLikeSentence(item));
}

/** "Dan Goodin - Apr 16, 2015 8:02 pm UTC": a name, a separator, then a date and nothing else. */
export function nameBeforeDate(flat: string): string | null {
  const m = DATE_IN_LINE.exec(flat);
  if (!m || m.index === 0 || countWordsIn(flat) > 16) return null;
  const head = /^(.*?)[\s,]*(?:[|•·–—-]|\bon\b|,)\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$/iu.exec(
    flat.slice(0, m.index),
  );
  if (!head?.[1] || !isDateLine(flat.slice(m.index))) return null;
  const name = head[1].trim();
  const words = name.split(/\s+/);
  if (
    words.length < 2 ||
    words.length > 5 ||
    !words.every((w) => /^(?:\p{Lu}|van|von|de|da|del|der|al|bin|and|&)/u.test(w))
  ) {
    return null;
  }
  return cleanNames(name);
}

const CODE_LINE =
  /[{};]\s*$|^\s*(?:[})\]]|\/\/|#include|import |def |var |let |const |function\b|return\b|<\/?[a-z][\w-]*[\s>])|=>|\(\)|\w\(.*\);?$/;

/** Source code set out in the text: many of its lines end or begin the way code does. */
export function isCodeBlock(block: TextBlock): boolean {
  const code = block.lines.filter((l) => CODE_LINE.test(l)).length;
  return code >= 1 && code >= 0.3 * block.lines.length;
}
