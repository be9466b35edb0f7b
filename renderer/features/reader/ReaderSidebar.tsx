import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { EntitiesPanel } from '../entities/EntitiesPanel';
import type { ReaderContext } from './reader-context';

type SidebarTab = 'annotations' | 'entities';

export function ReaderSidebar({ id, ctx }: { id: string; ctx: ReaderContext }) {
  const [tab, setTab] = useState<SidebarTab>('annotations');
  return (
    <aside id={id} className="reader__sidebar" aria-label="Article sidebar">
      <Tabs<SidebarTab>
        label="Sidebar sections"
        className="sidebar-tabs"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'annotations', label: 'Annotations', render: () => <AnnotationsPanel ctx={ctx} /> },
          { id: 'entities', label: 'Entities', render: () => <EntitiesPanel ctx={ctx} /> },
        ]}
      />
    </aside>
  );
}
