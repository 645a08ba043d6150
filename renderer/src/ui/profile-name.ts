import type { TFunction } from 'i18next';
import type { ProfileSummary } from '../../../core/contract/api';

/**
 * A profile's name as the person reads it. The practice profile is the app's own, so its name is
 * the catalogue's, in the app's language; a provider's profile keeps the name it was given.
 */
export function profileName(t: TFunction, profile: Pick<ProfileSummary, 'name' | 'practice'>) {
  return profile.practice ? t('practice.profileName') : profile.name;
}
