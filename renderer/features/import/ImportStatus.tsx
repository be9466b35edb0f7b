import { Message } from '../../components/Message';
import type { ImportProblem, Importer } from './use-import';
import { DuplicateDialog } from './DuplicateDialog';

function problemsTitle(problems: ImportProblem[]): string {
  const failed = problems.filter((p) => !p.imported).length;
  if (failed === 0)
    return problems.length === 1 ? 'Imported with a warning' : `${problems.length} imported with warnings`;
  return failed === 1 ? 'One file was not imported' : `${failed} files were not imported`;
}

/**
 * Everything an import says back: progress (a live status), files refused (an
 * alert list that stays until dismissed), files imported with a warning, and the
 * duplicate question.
 */
export function ImportStatus({ importer, openArticle }: { importer: Importer; openArticle: (id: string) => void }) {
  const { progress, problems, duplicate } = importer;
  return (
    <>
      <div className="import-progress" role="status" aria-live="polite" aria-label="Import progress">
        {progress && (
          <span className="import-progress__pill">
            <span className="import-progress__spinner" aria-hidden="true" />
            {progress.total > 1
              ? `Importing ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
              : 'Importing…'}
            <button
              type="button"
              className="button button--quiet import-progress__stop"
              aria-label="Stop importing"
              onClick={importer.stop}
            >
              Stop
            </button>
          </span>
        )}
      </div>
      <ProblemList
        problems={problems.filter((p) => !p.imported)}
        importer={importer}
        label="Import problems"
        role="alert"
      />
      <ProblemList
        problems={problems.filter((p) => p.imported)}
        importer={importer}
        label="Import warnings"
        role="status"
      />
      {duplicate && (
        <DuplicateDialog
          key={duplicate.name + duplicate.existing.id}
          duplicate={duplicate}
          onCancel={importer.skipDuplicate}
          onImportAnyway={() => void importer.importDuplicateAnyway()}
          onOpenExisting={() => {
            importer.skipDuplicate();
            openArticle(duplicate.existing.id);
          }}
        />
      )}
    </>
  );
}

/** A list of per-file messages that stays until dismissed: files refused, or imported with a warning. */
function ProblemList({
  problems,
  importer,
  label,
  role,
}: {
  problems: ImportProblem[];
  importer: Importer;
  label: string;
  role: 'alert' | 'status';
}) {
  if (problems.length === 0) return null;
  return (
    <div className="import-problems" role={role}>
      <div className="import-problems__head">
        <h2 className="import-problems__title">{problemsTitle(problems)}</h2>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => problems.forEach((p) => importer.dismissProblem(p.id))}
        >
          Dismiss all
        </button>
      </div>
      <ul className="import-problems__list" aria-label={label}>
        {problems.map((problem) => (
          <li key={problem.id} className="import-problems__item">
            <span>
              {/* The importer's messages name the file already: "empty.txt" is empty. */}
              {!problem.message.includes(problem.name) && (
                <>
                  <strong>
                    <bdi>{problem.name}</bdi>
                  </strong>
                  :{' '}
                </>
              )}
              <Message text={problem.message} />
            </span>
            <button
              type="button"
              className="button button--quiet icon-button"
              aria-label={`Dismiss the message about ${problem.name}`}
              onClick={() => importer.dismissProblem(problem.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
