import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';

/** Every tag in the library (articles' and highlights'), for completion; empty until read. */
export function useKnownTags(): string[] {
  const api = useApi();
  const [known, setKnown] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    // Completion is a help: without the library's tags the field still takes new ones.
    api.listTags({}).then(
      (all) => {
        if (live) setKnown(all);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return known;
}
