// The reader's current text selection inside the article, as canonical offsets,
// kept up to date from `selectionchange`. Null when nothing of the article is selected.
import { useEffect, useState } from 'react';
import { selectionOffsets } from '../../highlights/selection-offsets';
import type { Offsets } from '../../highlights/text-offsets';

export function useArticleSelection(root: HTMLElement | null): Offsets | null {
  const [offsets, setOffsets] = useState<Offsets | null>(null);
  useEffect(() => {
    if (!root) return;
    const doc = root.ownerDocument;
    const update = () => {
      const next = selectionOffsets(root);
      setOffsets((prev) => (prev?.start === next?.start && prev?.end === next?.end ? prev : next));
    };
    update();
    doc.addEventListener('selectionchange', update);
    return () => doc.removeEventListener('selectionchange', update);
  }, [root]);
  return offsets;
}
