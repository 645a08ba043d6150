import { useId } from 'react';
import { FIELD_LABELS } from '../logic/mapping';
import { selectSheet, useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';

const HELP = {
  msisdn: 'Any form: +45 12 34 56 78, 0045…, or without country code (see Settings).',
  sender: 'Optional: the name or number the SMS comes from.',
  userref: 'Optional: your own reference for each message.',
  class: 'Optional: standard, premium or secret.',
} as const;

export function MappingPanel({ unknownPlaceholders }: { unknownPlaceholders: string[] }) {
  const sheet = useFile(selectSheet);
  const mapping = useMapping((state) => state.mapping);
  const draft = useMapping((state) => state.draft);
  const setColumn = useMapping((state) => state.setColumn);
  const setMessage = useMapping((state) => state.setMessage);
  const editTemplate = useMapping((state) => state.editTemplate);
  const base = useId();
  if (sheet === null) return null;
  const columnSelect = (field: 'msisdn' | 'sender' | 'userref' | 'class', required: boolean) => (
    <div className="field" key={field}>
      <label htmlFor={`${base}-${field}`}>{FIELD_LABELS[field]}</label>
      <select
        id={`${base}-${field}`}
        aria-describedby={`${base}-${field}-help`}
        value={mapping[field] ?? ''}
        onChange={(event) =>
          setColumn(
            field,
            event.currentTarget.value === '' ? null : Number(event.currentTarget.value),
          )
        }
      >
        <option value="">{required ? '— choose a column —' : '— none —'}</option>
        {sheet.header.map((name, index) => (
          <option key={name} value={index}>
            {name}
          </option>
        ))}
      </select>
      <small id={`${base}-${field}-help`}>{HELP[field]}</small>
    </div>
  );
  const messageKind = mapping.message?.kind ?? 'column';
  return (
    <section aria-labelledby="map-heading" className="panel">
      <h2 id="map-heading">2. Which column is which?</h2>
      <p>Sendsheet has guessed from the column names and values. Change anything that is wrong.</p>
      <div className="fields">
        {columnSelect('msisdn', true)}
        <fieldset className="field message-field">
          <legend>Message</legend>
          <label>
            <input
              type="radio"
              name={`${base}-message-kind`}
              checked={messageKind === 'column'}
              onChange={() => setMessage(null)}
            />{' '}
            From a column
          </label>
          <label>
            <input
              type="radio"
              name={`${base}-message-kind`}
              checked={messageKind === 'template'}
              onChange={() =>
                setMessage({
                  kind: 'template',
                  text:
                    mapping.message?.kind === 'column'
                      ? `{${sheet.header[mapping.message.column]}}`
                      : '',
                })
              }
            />{' '}
            Write a message (use {'{Column}'} for each person's own value)
          </label>
          {messageKind === 'column' ? (
            <select
              aria-label="Message column"
              value={mapping.message?.kind === 'column' ? mapping.message.column : ''}
              onChange={(event) =>
                setMessage(
                  event.currentTarget.value === ''
                    ? null
                    : { kind: 'column', column: Number(event.currentTarget.value) },
                )
              }
            >
              <option value="">— choose a column —</option>
              {sheet.header.map((name, index) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
            </select>
          ) : (
            <>
              <textarea
                aria-label="Message text"
                aria-describedby={`${base}-template-help`}
                rows={3}
                value={draft ?? (mapping.message?.kind === 'template' ? mapping.message.text : '')}
                onChange={(event) => editTemplate(event.currentTarget.value)}
              />
              <small id={`${base}-template-help`}>
                Columns you can use: {sheet.header.map((name) => `{${name}}`).join(' ')}
              </small>
              {unknownPlaceholders.length > 0 && (
                <p className="error" role="alert">
                  No column is called {unknownPlaceholders.map((name) => `{${name}}`).join(', ')}:
                  check the spelling.
                </p>
              )}
            </>
          )}
        </fieldset>
        {columnSelect('sender', false)}
        {columnSelect('userref', false)}
        {columnSelect('class', false)}
      </div>
    </section>
  );
}
