// One spelling per name, so "U.N." and "UN", "al-Qaeda" and "Al Qaeda", or "O’Neil" and
// "O'Neil" share a key; a decimal point stays ("$4.3 million" is not "$43 million").
import type { EntityType } from '../model/contract';

export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/['’]s$/i, '')
    .replace(/['’]$/, '')
    .replace(/’/g, "'")
    .replace(/(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function entityKey(type: EntityType, name: string): string {
  return `${type}:${normalizeName(name)}`;
}
