import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './content-types';

describe('the content type of a renderer file', () => {
  it('serves pdf.js’s module worker as JavaScript (a module worker refuses anything else) and its data as bytes', () => {
    expect(contentTypeOf('assets/pdf.worker.min-wgc6bjNh.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('pdfjs/wasm/openjpeg.wasm')).toBe('application/wasm');
    expect(contentTypeOf('pdfjs/cmaps/78-EUC-H.bcmap')).toBe('application/octet-stream');
    expect(contentTypeOf('pdfjs/standard_fonts/FoxitSans.pfb')).toBe('application/octet-stream');
  });
});
