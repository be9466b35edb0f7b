import type { GlossApi } from '../model/contract';
import type { EntitiesService } from './entities-service';

/** Entities: per article and across the library, with the user's corrections. */
export type EntityHandlers = Pick<
  GlossApi,
  | 'getEntities'
  | 'correctEntity'
  | 'listCorrections'
  | 'undoCorrection'
  | 'listLibraryEntities'
  | 'getEntityOccurrences'
>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function entityHandlers(entities: EntitiesService): EntityHandlers {
  return {
    getEntities: (i) => entities.getEntities(i),
    correctEntity: (i) => entities.correctEntity(i),
    listCorrections: (i) => entities.listCorrections(i),
    undoCorrection: (i) => entities.undoCorrection(i),
    listLibraryEntities: (i) => entities.listLibraryEntities(i),
    getEntityOccurrences: (i) => entities.getEntityOccurrences(i),
  };
}
