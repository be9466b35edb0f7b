import { describe, expect, it } from 'vitest';
import { AppError } from '../model/errors';
import { decodeText, sniffHtmlCharset } from './decode-text';

describe('decodeText', () => {
  it('decodes UTF-8 and drops the BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFcafé'), 'a.txt').text).toBe('café');
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('día', 'utf16le')]);
    expect(decodeText(le, 'a.txt').text).toBe('día');
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt').text).toBe('día');
  });

  it('rejects invalid UTF-8 instead of producing replacement characters', () => {
    expect(() => decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'a.txt')).toThrow(AppError);
  });

  it('honours a declared windows-1252 / ISO-8859-1 charset, including the 0x80–0x9F range', () => {
    const bytes = new Uint8Array([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes, 'a.html', 'windows-1252').text).toBe('“café” €5');
    expect(decodeText(bytes, 'a.html', 'iso-8859-1').text).toBe('“café” €5');
  });

  it('reads a page as UTF-8 when its declared charset fails but its bytes are valid UTF-8', () => {
    const bytes = new TextEncoder().encode('人工智能迈上新台阶 — “café”');
    expect(decodeText(bytes, 'qq.html', 'gb2312')).toEqual({ text: '人工智能迈上新台阶 — “café”', encoding: 'utf-8' });
  });

  it('names the charset the page declared when neither it nor UTF-8 reads the bytes', () => {
    expect(() => decodeText(new Uint8Array([0x61, 0x81, 0x20, 0x62]), 'qq.html', 'gb2312')).toThrow(
      '"qq.html" contains bytes that are not valid gb2312 text.',
    );
  });

  it('rejects an unknown declared charset', () => {
    expect(() => decodeText(new Uint8Array([0x61]), 'a.html', 'klingon-8')).toThrow(/character set/);
  });
});

describe('sniffHtmlCharset', () => {
  it('reads <meta charset> and http-equiv Content-Type', () => {
    expect(sniffHtmlCharset(Buffer.from('<html><head><meta charset="ISO-8859-1"></head>'))).toBe('iso-8859-1');
    expect(
      sniffHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')),
    ).toBe('windows-1252');
    expect(sniffHtmlCharset(Buffer.from('<html><head><title>x</title></head>'))).toBeNull();
  });
});
