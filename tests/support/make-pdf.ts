// Small text PDFs written in the tests with pdf-lib: each page's paragraphs set top-down in
// Helvetica, a blank line between paragraphs, and the document's title and author.
import { degrees, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface PdfSpec {
  title?: string;
  author?: string;
  /** pages[i]: page i+1's paragraphs, each a list of lines. */
  pages: string[][][];
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of spec.pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 60, y, size: 12, font });
        y -= 16;
      }
      y -= 14;
    }
  }
  if (spec.title) doc.setTitle(spec.title);
  if (spec.author) doc.setAuthor(spec.author);
  return doc.save();
}

/** A line of text set exactly where given (for columns, headings, type sizes). */
export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  size?: number;
  /** Degrees counter-clockwise: text set sideways (90), upside down (180)… */
  rotate?: number;
}

/** A PDF whose pages hold lines at given places; a page given as [] has a drawn box and no text. */
export async function makePlacedPdf(
  pages: PlacedLine[][],
  meta: { title?: string; /** Every page's /Rotate, in degrees clockwise. */ pageRotate?: number } = {},
): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    if (meta.pageRotate) page.setRotation(degrees(meta.pageRotate));
    if (lines.length === 0) page.drawRectangle({ x: 50, y: 50, width: 495, height: 742 });
    for (const line of lines) {
      const rotate = line.rotate ? { rotate: degrees(line.rotate) } : {};
      page.drawText(line.text, { x: line.x, y: line.y, size: line.size ?? 12, font, ...rotate });
    }
  }
  if (meta.title) doc.setTitle(meta.title);
  return doc;
}

/** Where a link in a test PDF goes: a web address (a /URI action) or a page of the document (a /Dest). */
export type LinkTarget = { url: string } | { page: number };

/** Adds a link annotation over `rect` ([x1, y1, x2, y2], PDF points) on page `onPage` (1-based). */
export function addLink(
  doc: PDFDocument,
  onPage: number,
  rect: [number, number, number, number],
  to: LinkTarget,
): void {
  const pages = doc.getPages();
  const target =
    'url' in to
      ? { A: { Type: 'Action', S: 'URI', URI: PDFString.of(to.url) } }
      : { Dest: [pages[to.page - 1]!.ref, PDFName.of('Fit')] };
  const link = doc.context.register(
    doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], ...target }),
  );
  pages[onPage - 1]!.node.addAnnot(link);
}
