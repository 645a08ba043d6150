import { useId, useState } from 'react';
import { inspectFile } from '../../../core/check';
import type { Decision } from '../../../core/check';
import { MAX_FILE_BYTES } from '../../../core/decode';
import type { Message } from '../../../core/values';
import { count } from './words';

/** Problems listed; the rest are counted by code. */
const SHOWN_PROBLEMS = 500;

/** Rows of the file shown as the server reads them; the rest are only counted. */
const SHOWN_ROWS = 200;

interface Inspected {
  name: string;
  bytes: Uint8Array;
  verdict: Decision;
  /** The first SHOWN_ROWS + 1, so the screen knows whether there are more. */
  messages: Message[];
}

/** The bytes around an offset as hex and text, the bad byte marked. */
export function HexAround({ bytes, offset }: { bytes: Uint8Array; offset: number }) {
  const start = Math.max(0, offset - 16);
  const end = Math.min(bytes.length, offset + 17);
  const cells = [];
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    const text = byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '·';
    cells.push(
      <span key={i} className={i === offset ? 'bad-byte' : undefined} title={`offset ${i}`}>
        {byte.toString(16).padStart(2, '0')}
        <small>{text}</small>
      </span>,
    );
  }
  return (
    <div
      className="hex"
      aria-label={`Bytes ${start} to ${end - 1}; the byte at ${offset} is marked`}
    >
      {cells}
    </div>
  );
}

/** For support: what the provider's server would do with a customer's file, exactly. */
export function InspectScreen() {
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [as, setAs] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const run = (name: string, bytes: Uint8Array) => {
    const inspection = inspectFile({ name, bytes });
    setInspected({
      name,
      bytes,
      verdict: inspection.decision,
      messages: inspection.messages(SHOWN_ROWS + 1),
    });
  };
  return (
    <section aria-labelledby="inspect-heading" className="panel">
      <h2 id="inspect-heading">Inspect a file (for support)</h2>
      <p>
        Open the file exactly as the customer uploaded it to see what the provider's server does
        with it.
      </p>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-file`}>File</label>
          <input
            id={`${id}-file`}
            type="file"
            data-testid="inspect-input"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              if (file.size > MAX_FILE_BYTES * 2) {
                setError(
                  `${file.name} is far above the provider's 30 MiB limit; the server rejects it unread.`,
                );
                return;
              }
              setError(null);
              const name = as || file.name;
              if (!as) setAs(file.name);
              run(name, new Uint8Array(await file.arrayBuffer()));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-as`}>Name on the server</label>
          <input
            id={`${id}-as`}
            value={as}
            aria-describedby={`${id}-as-help`}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setAs(name);
              if (inspected && name) run(name, inspected.bytes);
            }}
          />
          <small id={`${id}-as-help`}>
            The modifiers matter: list.csv.excel.ready is read with semicolons.
          </small>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {inspected && <InspectResult inspected={inspected} />}
    </section>
  );
}

function InspectResult({ inspected }: { inspected: Inspected }) {
  const { verdict, bytes, messages } = inspected;
  return (
    <div data-testid="inspect-result">
      <p className={verdict.status === 'success' ? 'ok' : 'error'}>
        <strong data-testid="inspect-status">
          {verdict.status === 'success' ? 'Accepted' : 'Rejected'}
        </strong>
        : read as {verdict.encoding ?? 'unknown'} ({verdict.encodingSource ?? 'not decoded'}),{' '}
        {verdict.format} format, {verdict.rows.toLocaleString('en-US')} rows ({verdict.skipped}{' '}
        blank rows skipped), {verdict.parts.toLocaleString('en-US')} SMS parts.
      </p>
      {verdict.problemCount > 0 && (
        <>
          <h3>{count(verdict.problemCount, 'problem')}</h3>
          <ul className="problem-list">
            {verdict.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => {
              const offset =
                problem.code === 'bad-encoding' ? /offset (\d+)/.exec(problem.message) : null;
              return (
                <li key={i}>
                  <code>{problem.code}</code> {problem.row !== null && `row ${problem.row}`}
                  {problem.column !== null && `, column ${problem.column}`}: {problem.message}
                  {offset && <HexAround bytes={bytes} offset={Number(offset[1])} />}
                </li>
              );
            })}
          </ul>
          {verdict.problemCount > SHOWN_PROBLEMS && (
            <p data-testid="inspect-more-problems">
              The first {SHOWN_PROBLEMS.toLocaleString('en-US')} are listed; in all:{' '}
              {Object.entries(verdict.problemCounts)
                .map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`)
                .join(', ')}
              .
            </p>
          )}
        </>
      )}
      {messages.length > 0 && (
        <>
          <h3>
            The rows as the server reads them
            {messages.length > SHOWN_ROWS ? ` (first ${SHOWN_ROWS})` : ''}
          </h3>
          <table className="parsed">
            <thead>
              <tr>
                <th>Row</th>
                <th>msisdn</th>
                <th>message</th>
                <th>sender</th>
                <th>class</th>
                <th>userref</th>
                <th>Encoding</th>
                <th>Parts</th>
              </tr>
            </thead>
            <tbody>
              {messages.slice(0, SHOWN_ROWS).map((message) => (
                <tr key={message.row}>
                  <td>{message.row}</td>
                  <td>{message.msisdn}</td>
                  <td className="message">{message.message}</td>
                  <td>{message.sender}</td>
                  <td>{message.class}</td>
                  <td>{message.userref}</td>
                  <td>{message.encoding}</td>
                  <td>{message.parts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
