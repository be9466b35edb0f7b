import { useId, useState, type FormEvent } from 'react';
import type { Article, ArticleSummary } from '../../../main/model/contract';
import { Dialog } from '../../components/Dialog';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';
import { TagEditor } from '../annotations/TagEditor';
import { useKnownTags } from '../annotations/use-known-tags';

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** "Edit details": title, author, site, published date, source address and tags. */
export function EditDetailsDialog({
  article,
  onSaved,
  onClose,
}: {
  article: Article;
  onSaved: (summary: ArticleSummary) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const formId = useId();
  const [title, setTitle] = useState(article.title);
  const [author, setAuthor] = useState(article.author ?? '');
  const [site, setSite] = useState(article.site ?? '');
  const [published, setPublished] = useState(article.published ?? '');
  const [sourceUrl, setSourceUrl] = useState(article.sourceUrl ?? '');
  const [tags, setTags] = useState<string[]>(article.tags);
  const knownTags = useKnownTags();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    // Never a real submission: the CSP forbids form actions anyway.
    event.preventDefault();
    if (title.trim() === '') {
      setError('The title cannot be empty.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const summary = await api.updateArticleMeta({
        id: article.id,
        patch: {
          title: title.trim(),
          author: orNull(author),
          site: orNull(site),
          published: orNull(published),
          sourceUrl: orNull(sourceUrl),
          tags,
        },
      });
      onSaved(summary);
      onClose();
    } catch (caught) {
      setError(messageOf(caught, 'The details could not be saved.'));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title="Edit details"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <form id={formId} className="details-form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="field">
          <span className="field__label">Title</span>
          <input
            className="input"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-autofocus=""
            required
          />
        </label>
        <label className="field">
          <span className="field__label">Author</span>
          <input className="input" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Site</span>
          <input className="input" value={site} onChange={(e) => setSite(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Published</span>
          <input
            className="input"
            value={published}
            onChange={(e) => setPublished(e.target.value)}
            placeholder="2026-11-27, or as the page says it"
          />
        </label>
        <label className="field">
          <span className="field__label">Source address</span>
          <input
            className="input"
            type="url"
            value={sourceUrl}
            onChange={(e) => setSourceUrl(e.target.value)}
            placeholder="https://… where the article was published"
          />
        </label>
        <div className="field">
          <TagEditor tags={tags} known={knownTags} onChange={setTags} listLabel="Tags on this article" />
        </div>
        {error && (
          <p className="details-form__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
