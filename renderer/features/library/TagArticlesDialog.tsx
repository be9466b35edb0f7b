import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { TagEditor } from '../annotations/TagEditor';
import { useKnownTags } from '../annotations/use-known-tags';

interface Props {
  count: number;
  onAdd: (tags: string[]) => void;
  onClose: () => void;
}

/** "Add tags" to the selected articles, completing from every tag in the library. */
export function TagArticlesDialog({ count, onAdd, onClose }: Props) {
  const [tags, setTags] = useState<string[]>([]);
  const known = useKnownTags();

  return (
    <Dialog
      title="Add tags"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={tags.length === 0}
            onClick={() => onAdd(tags)}
          >
            {count === 1 ? 'Tag 1 article' : `Tag ${count} articles`}
          </button>
        </>
      }
    >
      <TagEditor tags={tags} known={known} onChange={setTags} listLabel="Tags to add" />
    </Dialog>
  );
}
