import { Icon } from '../../components/Icon';
import { useSettings } from '../../settings/settings-context';
import { ImportButtons } from '../import/ImportButtons';
import type { Importer } from '../import/use-import';
import type { LibrarySort } from './library-order';

const SORT_LABELS: Record<LibrarySort, string> = {
  added: 'Recently added',
  title: 'Title',
  progress: 'Reading progress',
};

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** Enter or ↓ in the search box: to the first article, when there is one. */
  onToList: () => boolean;
  importer: Importer;
  nativeDialogs: boolean;
}

/** Search, sort and import, above the list. */
export function LibraryToolbar({ query, onQuery, onToList, importer, nativeDialogs }: Props) {
  const { settings, update: updateSettings } = useSettings();
  return (
    <div className="library__toolbar">
      <label className="library__filter">
        <Icon name="search" />
        <input
          type="search"
          className="input"
          aria-label="Filter articles"
          placeholder="Search: words, “phrases”, tag:, color:, author:, site:"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.preventDefault();
              onQuery('');
            } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
              if (onToList()) event.preventDefault();
            }
          }}
        />
      </label>
      <label className="library__sort">
        <span className="library__sort-label">Sort</span>
        <select
          className="select"
          aria-label="Sort articles"
          value={settings.librarySort}
          onChange={(event) => updateSettings({ librarySort: event.target.value as LibrarySort })}
        >
          {(Object.keys(SORT_LABELS) as LibrarySort[]).map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <div className="library__import">
        <ImportButtons importer={importer} nativeDialogs={nativeDialogs} />
      </div>
    </div>
  );
}
