// Recognizes files that are not text, so the user hears "this is a PDF" instead of seeing mojibake.

interface Signature {
  bytes: number[];
  offset?: number;
  what: string;
  /** Two-letter signatures could start a real text; trust them only when the file also holds NUL bytes. */
  weak?: boolean;
}

const SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF media file (WebP, WAV or AVI)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (such as .docx or .odt)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: [0x4d, 0x5a], what: 'a Windows program', weak: true },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a Java class or macOS program' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
  { bytes: [0x49, 0x44, 0x33], what: 'an MP3 audio file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], what: 'an Ogg media file' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, what: 'an MP4 or HEIC media file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a Matroska/WebM video' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, sig: Signature): boolean {
  const at = sig.offset ?? 0;
  if (bytes.length < at + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => bytes[at + i] === b);
}

/** Bytes that only appear in text by accident: C0 controls other than tab, LF, VT, FF, CR and ESC. */
function isSuspectControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Describes what a non-text file looks like ("a PNG image"), or returns null when the bytes may be text.
 * UTF-16 files (which contain NUL bytes) must be recognized by their BOM before calling this.
 */
export function describeBinary(bytes: Uint8Array): string | null {
  // A NUL byte anywhere means binary; indexOf is a fast native scan even for 32 MB.
  const hasNul = bytes.indexOf(0) !== -1;
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig) && (!sig.weak || hasNul)) return sig.what;
  }
  if (hasNul) return 'a binary file';
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (const b of sample) if (isSuspectControl(b)) controls++;
  if (sample.length > 0 && controls / sample.length > 0.01) return 'a binary file';
  return null;
}
