import { splitQuoted } from '../text/bidi';

/**
 * A sentence of the app's with titles and names quoted in it (a toast, a
 * notice, an import problem): each quoted part is isolated, so bidi controls
 * in a title cannot reorder the rest of the sentence.
 */
export function Message({ text }: { text: string }) {
  return <>{splitQuoted(text).map((part, index) => (part.quoted ? <bdi key={index}>{part.text}</bdi> : part.text))}</>;
}
