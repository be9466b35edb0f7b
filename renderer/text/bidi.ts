// Titles, names and file names come from files and from users, and may carry
// bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE…). Where the app sets them in
// its own sentences they are isolated, so they cannot reorder the words
// around them: in markup with <bdi> (see Message), in plain text with FSI…PDI.

const FSI = '\u2068';
const PDI = '\u2069';

/** For plain-text places (the window title, an <option>): the text can reorder only itself. */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

export interface MessagePart {
  text: string;
  /** A quoted title or name: shown isolated, inside its quotes. */
  quoted: boolean;
}

// The app quotes titles and names “like this”; the importer's messages quote file names "like this".
const QUOTED = /“([^”]*)”|"([^"]*)"/g;

/** A message split into the app's words and the quoted titles and names in it. */
export function splitQuoted(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of message.matchAll(QUOTED)) {
    const open = match.index;
    const inner = match[1] ?? match[2] ?? '';
    const quote = match[0][0]!;
    parts.push({ text: message.slice(last, open) + quote, quoted: false });
    parts.push({ text: inner, quoted: true });
    last = open + match[0].length - 1;
  }
  parts.push({ text: message.slice(last), quoted: false });
  return parts.filter((part) => part.quoted || part.text !== '');
}
