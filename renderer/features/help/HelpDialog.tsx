import { Dialog } from '../../components/Dialog';
import { SHORTCUT_GROUPS } from './shortcuts';

/** The `?` dialog. Its name, "Keyboard shortcuts", is what tests look for. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      wide
      actions={
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus="">
          Close
        </button>
      }
    >
      <div className="shortcuts">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcuts__group" aria-label={group.title}>
            <h3 className="shortcuts__title">{group.title}</h3>
            <dl className="shortcuts__list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.action + shortcut.keys.join()} className="shortcuts__row">
                  <dt className="shortcuts__keys">
                    {shortcut.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && <span className="shortcuts__or">{shortcut.keys[0] === 'Shift' || shortcut.keys[0] === 'Ctrl' ? '+' : 'or'}</span>}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd className="shortcuts__action">{shortcut.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
