import { Dialog } from '../../components/Dialog';

/** Shows the whole URL before anything leaves the app. */
export function LinkDialog({ url, onOpen, onCancel }: { url: string; onOpen: () => void; onCancel: () => void }) {
  const isMail = url.toLowerCase().startsWith('mailto:');
  return (
    <Dialog
      title={isMail ? 'Write an email?' : 'Open this link in your browser?'}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus="">
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={onOpen}>
            {isMail ? 'Open mail app' : 'Open link'}
          </button>
        </>
      }
    >
      <p>{isMail ? 'This opens your email program with this address:' : 'This link leaves Gloss and goes to:'}</p>
      <p className="dialog__url">{url}</p>
    </Dialog>
  );
}
