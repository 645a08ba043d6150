import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { inspectFile } from '../../../core/check';
import type { Decision } from '../../../core/check';
import { ENCODING_LABELS, MAX_FILE_BYTES } from '../../../core/decode';
import { COLUMNS } from '../../../core/header';
import type { Problem, ProblemCode } from '../../../core/problems';
import type { Message } from '../../../core/values';
import { useTranslation } from '../i18n';
import { problemName, problemText } from '../i18n/problem-text';
import { Icon } from './icons';

/** Problems listed; the rest are counted by code. */
const SHOWN_PROBLEMS = 500;

/** Rows of the file shown as the server reads them; the rest are only counted. */
const SHOWN_ROWS = 200;

/** A byte that is not printable ASCII, in the text under the bytes. */
const UNPRINTABLE = '\u00b7';

interface Inspected {
  name: string;
  bytes: Uint8Array;
  verdict: Decision;
  /** The first SHOWN_ROWS + 1, so the screen knows whether there are more. */
  messages: Message[];
}

/** The bytes around an offset as hex and text, the bad byte marked. */
export function HexAround({ bytes, offset }: { bytes: Uint8Array; offset: number }) {
  const { t } = useTranslation();
  const start = Math.max(0, offset - 16);
  const end = Math.min(bytes.length, offset + 17);
  const cells = [];
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    const text = byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : UNPRINTABLE;
    cells.push(
      <span
        key={i}
        className={i === offset ? 'bad-byte' : undefined}
        title={t('inspect.byteTitle', { offset: i })}
      >
        {byte.toString(16).padStart(2, '0')}
        <small>{text}</small>
      </span>,
    );
  }
  return (
    <div
      className="hex"
      role="img"
      aria-label={t('inspect.bytes', { start, end: end - 1, offset })}
    >
      {cells}
    </div>
  );
}

/** Where a problem is: its row and column, as far as it has them. */
function placeOf(t: TFunction, problem: Problem): string | null {
  if (problem.row !== null && problem.column !== null) {
    return t('inspect.at.rowColumn', { row: problem.row, column: problem.column });
  }
  if (problem.row !== null) return t('inspect.at.row', { row: problem.row });
  if (problem.column !== null) return t('inspect.at.column', { column: problem.column });
  return null;
}

/** For support: what the provider's server would do with a customer's file, exactly. */
export function InspectScreen() {
  const { t } = useTranslation();
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
      <h2 id="inspect-heading">{t('inspect.heading')}</h2>
      <p>{t('inspect.intro')}</p>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('inspect.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            data-testid="inspect-input"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              // Another file is another customer's: it starts from its own name, never from
              // the one typed for the file before, which would give a false cause.
              setAs(file.name);
              if (file.size > MAX_FILE_BYTES * 2) {
                setInspected(null);
                setError(t('inspect.tooLarge', { name: file.name, limit: MAX_FILE_BYTES }));
                return;
              }
              setError(null);
              run(file.name, new Uint8Array(await file.arrayBuffer()));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-as`}>{t('inspect.as')}</label>
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
          <small id={`${id}-as-help`}>{t('inspect.asHelp')}</small>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          <Icon name="problem" decorative /> {error}
        </p>
      )}
      {inspected && <InspectResult inspected={inspected} />}
    </section>
  );
}

function Verdict({ verdict }: { verdict: Decision }) {
  const { t } = useTranslation();
  const accepted = verdict.status === 'success';
  return (
    <p className={accepted ? 'ok' : 'error'}>
      <Icon name={accepted ? 'success' : 'rejected'} decorative />{' '}
      <strong data-testid="inspect-status">
        {accepted ? t('inspect.accepted') : t('inspect.rejected')}
      </strong>
      {': '}
      {t('inspect.summary', {
        encoding: verdict.encoding
          ? ENCODING_LABELS[verdict.encoding]
          : t('inspect.unknownEncoding'),
        source: t(`inspect.sources.${verdict.encodingSource ?? 'none'}`),
        format: t(`inspect.formats.${verdict.format}`),
        rows: t('inspect.rows', { count: verdict.rows }),
        skipped: t('inspect.skipped', { count: verdict.skipped }),
        parts: t('inspect.parts', { count: verdict.parts }),
      })}
    </p>
  );
}

function ProblemItem({ problem, bytes }: { problem: Problem; bytes: Uint8Array }) {
  const { t } = useTranslation();
  const place = placeOf(t, problem);
  const text = problemText(t, problem);
  return (
    <li>
      <code>{problem.code}</code> {place && <strong>{place}: </strong>}
      {text}
      {problem.offset !== undefined && <HexAround bytes={bytes} offset={problem.offset} />}
      {text !== problem.message && (
        <details>
          <summary>{t('common.details')}</summary>
          {t('inspect.server')} <span lang="en">{problem.message}</span>
        </details>
      )}
    </li>
  );
}

function InspectResult({ inspected }: { inspected: Inspected }) {
  const { t } = useTranslation();
  const { verdict, bytes, messages } = inspected;
  const counts = Object.entries(verdict.problemCounts).map(([code, count]) =>
    t('inspect.count', { name: problemName(t, code as ProblemCode), count }),
  );
  return (
    <div data-testid="inspect-result">
      <Verdict verdict={verdict} />
      {verdict.problemCount > 0 && (
        <>
          <h3>{t('inspect.problems', { count: verdict.problemCount })}</h3>
          <ul className="problem-list">
            {verdict.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
              <ProblemItem key={i} problem={problem} bytes={bytes} />
            ))}
          </ul>
          {verdict.problemCount > SHOWN_PROBLEMS && (
            <p data-testid="inspect-more-problems">
              {t('inspect.more', { shown: SHOWN_PROBLEMS, counts })}
            </p>
          )}
        </>
      )}
      {messages.length > 0 && (
        <>
          <h3>
            {messages.length > SHOWN_ROWS
              ? t('inspect.rowsHeadingFirst', { count: SHOWN_ROWS })
              : t('inspect.rowsHeading')}
          </h3>
          <table className="parsed">
            <thead>
              <tr>
                <th>{t('inspect.row')}</th>
                {COLUMNS.map((column) => (
                  <th key={column}>{column}</th>
                ))}
                <th>{t('inspect.encoding')}</th>
                <th>{t('inspect.parts')}</th>
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
