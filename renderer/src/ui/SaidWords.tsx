import type { Said } from '../../../core/contract/said';
import { useTranslation } from '../i18n';
import { saidText } from '../i18n/said-text';

/**
 * A sentence of the Node side in the UI's language; its English words, which name servers'
 * replies and system errors exactly, under Details for whoever needs them (support).
 */
export function SaidWords({
  said,
  english,
  className,
  'data-testid': testId,
}: {
  said: Said | null | undefined;
  english: string;
  className: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const shown = saidText(t, said, english);
  return (
    <div className={className} data-testid={testId}>
      <p>{shown}</p>
      {shown !== english && (
        <details>
          <summary>{t('common.details')}</summary>
          <p lang="en">{english}</p>
        </details>
      )}
    </div>
  );
}
