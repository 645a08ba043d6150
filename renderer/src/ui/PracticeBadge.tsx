import { useTranslation } from '../i18n';
import { useAppSettings } from '../stores/app-settings';
import { useSending } from '../stores/sending';

/**
 * Practice kept apart from real: while sends go to the practice servers on this computer, the
 * top bar says so on every screen.
 */
export function PracticeBadge() {
  const { t } = useTranslation();
  const profileId = useAppSettings((state) => state.settings?.profile ?? null);
  const practice = useSending(
    (state) => state.profiles.find((profile) => profile.id === profileId)?.practice ?? false,
  );
  if (!practice) return null;
  return (
    <p className="practice-badge" role="status" data-testid="practice-badge">
      {t('practice.badge')}
    </p>
  );
}
