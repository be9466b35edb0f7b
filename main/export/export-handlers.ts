import type { GlossApi } from '../model/contract';
import type { ExportService } from './export-service';

/** Interchange: annotated Markdown and W3C JSON-LD, out and in. */
export type ExportHandlers = Pick<
  GlossApi,
  | 'exportMarkdown'
  | 'saveExportWithDialog'
  | 'exportAnnotationsJsonLd'
  | 'importAnnotationsJsonLd'
  | 'copyHighlights'
  | 'exportVault'
  | 'getVaultExportProgress'
>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function exportHandlers(exporter: ExportService): ExportHandlers {
  return {
    exportMarkdown: (i) => exporter.exportMarkdown(i),
    saveExportWithDialog: (i) => exporter.saveExportWithDialog(i),
    exportAnnotationsJsonLd: (i) => exporter.exportAnnotationsJsonLd(i),
    importAnnotationsJsonLd: (i) => exporter.importAnnotationsJsonLd(i),
    copyHighlights: (i) => exporter.copyHighlights(i),
    exportVault: (i) => exporter.exportVault(i),
    getVaultExportProgress: () => exporter.getVaultExportProgress(),
  };
}
