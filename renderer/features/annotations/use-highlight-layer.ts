// Keeps the CSS highlight layer of the article root in step with the
// annotations: a new layer for each new root (the body is replaced after
// "Update from file…"), repainted before the browser paints.
import { useLayoutEffect, useState } from 'react';
import type { Annotation } from '../../../main/model/contract';
import { createHighlightLayer, toHighlightSpecs, type HighlightLayer } from '../../highlights/highlight-layer';

export function useHighlightLayer(root: HTMLElement | null, annotations: readonly Annotation[]): HighlightLayer | null {
  const [layer, setLayer] = useState<HighlightLayer | null>(null);
  useLayoutEffect(() => {
    if (!root) {
      setLayer(null);
      return;
    }
    const created = createHighlightLayer(root);
    setLayer(created);
    return () => created.destroy();
  }, [root]);
  useLayoutEffect(() => {
    layer?.set(toHighlightSpecs(annotations));
  }, [layer, annotations]);
  return layer;
}
