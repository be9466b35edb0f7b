import { useEffect, useState } from 'react';
import type { TaskProgress } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';

const POLL_MS = 400;

/** While a search waits, how far the index being built has got (null when it is not being built). */
export function useSearchProgress(waiting: boolean): TaskProgress | null {
  const api = useApi();
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!waiting) {
      setProgress(null);
      return;
    }
    let live = true;
    const timer = window.setInterval(() => {
      api.getSearchProgress({}).then(
        (now) => {
          if (live) setProgress(now);
        },
        () => undefined, // a missed reading only delays the next figure
      );
    }, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, waiting]);
  return progress;
}
