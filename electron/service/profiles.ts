/** The profiles the service sends with, by id; a password given in the app is kept in memory. */
import type {
  Outcome,
  PasswordKeeping,
  ProfileSummary,
  UpdateProfileRequest,
} from '../../core/contract/api';
import type { Profile } from '../client/profile';
import { summarizeProfile } from '../client/profile';
import { noPassword, noProfile } from './refusals';
import type { Refusal } from './refusals';

export class Profiles {
  private readonly byId: Map<string, Profile>;

  constructor(
    profiles: readonly Profile[],
    /** Where a password given in the app is kept; the UI says so beside the field. */
    private readonly passwordKept: PasswordKeeping = 'this-run',
  ) {
    if (profiles.length === 0) throw new Error('The service needs at least one profile.');
    this.byId = new Map(profiles.map((profile) => [profile.id, profile]));
  }

  get(id: string): Profile | undefined {
    return this.byId.get(id);
  }

  /** The profile to send with, or why it cannot be used. */
  usable(id: string): { ok: true; profile: Profile } | Refusal {
    const profile = this.byId.get(id);
    if (!profile) return noProfile(id);
    if (profile.password === null) return noPassword(profile.name);
    return { ok: true, profile };
  }

  summaries(): ProfileSummary[] {
    return [...this.byId.values()].map((profile) => summarizeProfile(profile, this.passwordKept));
  }

  update(request: UpdateProfileRequest): Outcome<{ profile: ProfileSummary }> {
    const profile = this.byId.get(request.profile);
    if (!profile) return noProfile(request.profile);
    if (request.user !== undefined) profile.user = request.user;
    if (request.password !== undefined) profile.password = request.password;
    return { ok: true, profile: summarizeProfile(profile, this.passwordKept) };
  }
}
