/**
 * Case- and accent-insensitive form for every search box: "bjorgvin" finds
 * "Bjørgvin" only through its letters that fold, "cafe" finds "Café".
 */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
