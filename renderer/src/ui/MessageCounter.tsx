/**
 * The live count under the message box, as an SMS calculator shows it: the encoding in plain
 * words, the characters and SMS parts as the text is typed, and the characters that make it a
 * special-character (UCS-2) message marked where they are.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { codePointName, countMessage } from '../logic/message-count';
import type { MessageCount } from '../logic/message-count';
import type { Sheet } from '../logic/sheet';
import { Icon } from './icons';

/** How a marked no-break space is shown: blank, it could not be seen. */
const NO_BREAK_SPACE_SIGN = '\u237d';

function Marked({ count }: { count: MessageCount }) {
  const { t } = useTranslation();
  const { text, forcing } = count;
  const pieces: ReactNode[] = [];
  let from = 0;
  for (let k = 0; k < forcing.length; k += 2) {
    const start = forcing[k]!;
    const end = forcing[k + 1]!;
    if (from < start) pieces.push(text.slice(from, start));
    const char = text.slice(start, end);
    pieces.push(
      <mark
        key={k}
        title={t('counter.forcingTitle', { code: codePointName(char.codePointAt(0)!) })}
      >
        {char === '\u00a0' ? NO_BREAK_SPACE_SIGN : char}
      </mark>,
    );
    from = end;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return <p className="counter-text">{pieces}</p>;
}

export function MessageCounter({
  source,
  sheet,
  id,
}: {
  source: string;
  sheet: Sheet;
  id: string;
}) {
  const { t } = useTranslation();
  const count = useMemo(() => countMessage(source, sheet), [source, sheet]);
  const forcingCount = new Set(
    Array.from({ length: count.forcing.length / 2 }, (_, k) =>
      count.text.slice(count.forcing[2 * k], count.forcing[2 * k + 1]),
    ),
  ).size;
  if (source === '') {
    return (
      <p className="counter" id={id} data-testid="message-counter">
        {t('counter.empty')}
      </p>
    );
  }
  return (
    <div
      className="counter"
      role="group"
      aria-label={t('counter.label')}
      data-testid="message-counter"
    >
      <p id={id} className="counter-figures" data-encoding={count.encoding}>
        <span>
          <Icon name={count.encoding === 'GSM-7' ? 'ok' : 'info'} decorative />{' '}
          <strong>{t(`counter.encoding.${count.encoding === 'GSM-7' ? 'gsm7' : 'ucs2'}`)}</strong>
        </span>{' '}
        <span data-testid="counter-characters">
          {t('counter.characters', { count: count.characters })}
        </span>{' '}
        <span data-testid="counter-parts">{t('counter.parts', { count: count.parts })}</span>{' '}
        <span>{t('counter.perPart', { count: count.perPart })}</span>
      </p>
      {count.tooLong && (
        <p className="error">
          <Icon name="problem" decorative /> {t('counter.tooLong', { max: count.max })}
        </p>
      )}
      {forcingCount > 0 && (
        <>
          <p>{t('counter.forcing', { count: forcingCount })}</p>
          <Marked count={count} />
        </>
      )}
      {count.row !== null && <p className="note">{t('counter.example', { row: count.row })}</p>}
    </div>
  );
}
