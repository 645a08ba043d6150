import { useId } from 'react';
import { useTranslation } from '../i18n';
import { selectSheet, useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';
import { MessageCounter } from './MessageCounter';

type ColumnField = 'msisdn' | 'sender' | 'userref' | 'class';

export function MappingPanel({ unknownPlaceholders }: { unknownPlaceholders: string[] }) {
  const { t } = useTranslation();
  const sheet = useFile(selectSheet);
  const mapping = useMapping((state) => state.mapping);
  const draft = useMapping((state) => state.draft);
  const setColumn = useMapping((state) => state.setColumn);
  const setMessage = useMapping((state) => state.setMessage);
  const editTemplate = useMapping((state) => state.editTemplate);
  const base = useId();
  if (sheet === null) return null;
  const columnOptions = sheet.header.map((name, index) => (
    <option key={name} value={index}>
      {name}
    </option>
  ));
  const columnSelect = (field: ColumnField, required: boolean) => (
    <div className="field" key={field}>
      <label htmlFor={`${base}-${field}`}>{t(`mapping.fields.${field}`)}</label>
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
        <option value="">{required ? t('mapping.chooseColumn') : t('mapping.none')}</option>
        {columnOptions}
      </select>
      <small id={`${base}-${field}-help`}>{t(`mapping.help.${field}`)}</small>
    </div>
  );
  const messageKind = mapping.message?.kind ?? 'column';
  const text = draft ?? (mapping.message?.kind === 'template' ? mapping.message.text : '');
  return (
    <section aria-labelledby="map-heading" className="panel">
      <h2 id="map-heading">{t('mapping.heading')}</h2>
      <p>{t('mapping.intro')}</p>
      <div className="fields">
        {columnSelect('msisdn', true)}
        <fieldset className="field message-field">
          <legend>{t('mapping.fields.message')}</legend>
          <label>
            <input
              type="radio"
              name={`${base}-message-kind`}
              checked={messageKind === 'column'}
              onChange={() => setMessage(null)}
            />{' '}
            {t('mapping.fromColumn')}
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
            {t('mapping.write')}
          </label>
          {messageKind === 'column' ? (
            <select
              aria-label={t('mapping.messageColumn')}
              value={mapping.message?.kind === 'column' ? mapping.message.column : ''}
              onChange={(event) =>
                setMessage(
                  event.currentTarget.value === ''
                    ? null
                    : { kind: 'column', column: Number(event.currentTarget.value) },
                )
              }
            >
              <option value="">{t('mapping.chooseColumn')}</option>
              {columnOptions}
            </select>
          ) : (
            <>
              <textarea
                aria-label={t('mapping.messageText')}
                aria-describedby={`${base}-count ${base}-template-help`}
                rows={3}
                value={text}
                onChange={(event) => editTemplate(event.currentTarget.value)}
              />
              <MessageCounter source={text} sheet={sheet} id={`${base}-count`} />
              <small id={`${base}-template-help`}>
                {t('mapping.columns', {
                  columns: sheet.header.map((name) => `{${name}}`).join(' '),
                })}
              </small>
              {unknownPlaceholders.length > 0 && (
                <p className="error" role="alert">
                  {t('mapping.unknown', { names: unknownPlaceholders.map((name) => `{${name}}`) })}
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
