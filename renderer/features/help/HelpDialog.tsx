import { Fragment } from 'react';
import { Dialog } from '../../components/Dialog';
import { SHORTCUT_GROUPS, showKeys } from './shortcuts';

/** The `?` dialog. Its name, "Keyboard shortcuts", is what tests look for. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const platform = navigator.platform;
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
                <div key={shortcut.action} className="shortcuts__row">
                  <dt className="shortcuts__keys">
                    {shortcut.keys.map((combo, alt) => (
                      <Fragment key={combo.join('+')}>
                        {alt > 0 && <span className="shortcuts__or">or</span>}
                        <span className="shortcuts__combo">
                          {showKeys(combo, platform).map((key, index) => (
                            <Fragment key={key}>
                              {index > 0 && <span className="shortcuts__plus">+</span>}
                              <kbd>{key}</kbd>
                            </Fragment>
                          ))}
                        </span>
                      </Fragment>
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
