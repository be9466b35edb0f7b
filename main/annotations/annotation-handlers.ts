import type { GlossApi } from '../model/contract';
import type { AnnotationsService } from './annotations-service';

/** Annotations: highlights and notes, their search and tags. */
export type AnnotationHandlers = Pick<
  GlossApi,
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'searchAnnotations'
  | 'listTags'
>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function annotationHandlers(annotations: AnnotationsService): AnnotationHandlers {
  return {
    listAnnotations: (i) => annotations.listAnnotations(i),
    createAnnotation: (i) => annotations.createAnnotation(i),
    updateAnnotation: (i) => annotations.updateAnnotation(i),
    deleteAnnotation: (i) => annotations.deleteAnnotation(i),
    restoreAnnotation: (i) => annotations.restoreAnnotation(i),
    searchAnnotations: (i) => annotations.searchAnnotations(i),
    listTags: (i) => annotations.listTags(i),
  };
}
