/** Files above this are refused before any parsing, so a huge file cannot stall or exhaust the process. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** Average adult silent-reading speed for non-fiction (Brysbaert 2019). */
export const WORDS_PER_MINUTE = 238;
