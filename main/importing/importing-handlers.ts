import type { GlossApi } from '../model/contract';
import type { ImportService } from './import-service';
import type { UpdateFromFileService } from './update-from-file';

/** Importing: files, pastes, the native dialog, and "Update from file…". */
export type ImportingHandlers = Pick<
  GlossApi,
  'importFiles' | 'importPaste' | 'importWithDialog' | 'cancelImports' | 'updateFromFile'
>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function importingHandlers(imports: ImportService, update: UpdateFromFileService): ImportingHandlers {
  return {
    importFiles: (i) => imports.importFiles(i),
    importPaste: (i) => imports.importPaste(i),
    importWithDialog: (i) => imports.importWithDialog(i),
    cancelImports: (i) => imports.cancelImports(i),
    updateFromFile: (i) => update.updateFromFile(i),
  };
}
