// A stored correction in words, for the list of the user's corrections.
import type { EntityCorrection } from '../../../main/model/contract';
import { TYPE_LABELS } from './entity-groups';

/** The name to show for a key: the library's current name for it, else the key's own normalized name. */
export type NameOf = (key: string) => string;

export function keyName(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? key : key.slice(at + 1);
}

export function describeCorrection(c: EntityCorrection, nameOf: NameOf = keyName): string {
  switch (c.kind) {
    case 'add':
      return `Added “${c.name}” as ${article(TYPE_LABELS[c.type])}`;
    case 'rename':
      return `Renamed “${nameOf(c.key)}” to “${c.name}”`;
    case 'retype':
      return `Made “${nameOf(c.key)}” ${article(TYPE_LABELS[c.type])}`;
    case 'merge':
      return `Merged “${nameOf(c.key)}” into “${nameOf(c.into)}”`;
    case 'split':
      return `Split “${c.alias}” off “${nameOf(c.key)}”`;
    case 'hide':
      return `Hid “${nameOf(c.key)}”`;
  }
}

function article(label: string): string {
  const lower = label.toLowerCase();
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}
