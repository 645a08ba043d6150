import { useEffect, useState } from 'react';
import { useHistory } from '../stores/history';
import { BatchView } from './Timeline';

export function HistoryScreen() {
  const batches = useHistory((state) => state.batches);
  const error = useHistory((state) => state.error);
  const load = useHistory((state) => state.load);
  const clear = useHistory((state) => state.clear);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => void load(), [load]);
  const chosen = batches.find((batch) => batch.id === open);
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">History</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {batches.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <>
          <table className="history">
            <thead>
              <tr>
                <th>Sent</th>
                <th>File</th>
                <th>Messages</th>
                <th>Parts</th>
                <th>Outcome</th>
                <th>
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id} className={`state-${batch.state}`}>
                  <td>
                    {batch.times.uploading ? new Date(batch.times.uploading).toLocaleString() : ''}
                  </td>
                  <td>{batch.fileName}</td>
                  <td>{batch.rows.toLocaleString('en-US')}</td>
                  <td>{batch.parts.toLocaleString('en-US')}</td>
                  <td>{batch.state}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open === batch.id}
                      onClick={() => setOpen(open === batch.id ? null : batch.id)}
                    >
                      {open === batch.id ? 'Hide' : 'Details'}
                      <span className="visually-hidden"> of {batch.fileName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {chosen && <BatchView batch={chosen} />}
          <p>
            <button
              type="button"
              onClick={() => {
                if (
                  window.confirm(
                    'Clear the history of finished batches? The files on the server are not touched.',
                  )
                )
                  void clear();
              }}
            >
              Clear history
            </button>
          </p>
        </>
      )}
    </section>
  );
}
