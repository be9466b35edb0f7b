import { useEffect, useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { EntitiesPanel } from '../entities/EntitiesPanel';

type SidebarTab = 'annotations' | 'entities';

/**
 * True from the frame after the first paint. The panels wait for it: a list of
 * a thousand highlights must not hold back the article's text.
 */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setReady(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return ready;
}

export function ReaderSidebar({ id }: { id: string }) {
  const [tab, setTab] = useState<SidebarTab>('annotations');
  const ready = useAfterFirstPaint();
  return (
    <aside id={id} className="reader__sidebar" aria-label="Article sidebar" aria-busy={!ready}>
      <Tabs<SidebarTab>
        label="Sidebar sections"
        className="sidebar-tabs"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'annotations', label: 'Annotations', render: () => (ready ? <AnnotationsPanel /> : null) },
          { id: 'entities', label: 'Entities', render: () => (ready ? <EntitiesPanel /> : null) },
        ]}
      />
    </aside>
  );
}
