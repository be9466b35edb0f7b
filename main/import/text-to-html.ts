// Plain text → HTML whose textContent is the text itself, byte for byte (CRLF included), because
// offsets into a .txt article must index into the file as saved.

/** A line break followed by one or more blank (whitespace-only) lines. A lone CR never splits a CRLF. */
const PARAGRAPH_BREAK = /(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** Escapes text for an HTML text node. CR must be a reference: the parser turns a raw CR into LF. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
}

/** One <p> per blank-line-separated paragraph; the separators (and edge whitespace) stay as text nodes. */
export function textToHtml(text: string): string {
  // trimStart/trimEnd rather than /\s*$/, which backtracks quadratically on long whitespace runs.
  const body = text.trim();
  if (body === '') return escapeText(text);
  const lead = text.slice(0, text.length - text.trimStart().length);
  const trail = text.slice(text.trimEnd().length);
  const out: string[] = [escapeText(lead)];
  let last = 0;
  for (const m of body.matchAll(PARAGRAPH_BREAK)) {
    out.push('<p>', escapeText(body.slice(last, m.index)), '</p>', escapeText(m[0]));
    last = m.index + m[0].length;
  }
  out.push('<p>', escapeText(body.slice(last)), '</p>', escapeText(trail));
  return out.join('');
}
