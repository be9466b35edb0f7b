// One spelling per name, so "U.N." and "UN", or "al-Qaeda" and "Al Qaeda", share a key.
import type { EntityType } from '../api/contract';

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/['’]s$/i, '')
    .replace(/['’]$/, '')
    .replace(/\./g, '')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function entityKey(type: EntityType, name: string): string {
  return `${type}:${normaliseName(name)}`;
}
