// Issue 14: the Node side's sentences as data: a code of the table, with exactly its values.
import { describe, expect, it } from 'vitest';
import { SAID, said } from './said';

describe('said(): a sentence as a code and its values (issue 14)', () => {
  it('makes the code with its values, and a code without values alone', () => {
    expect(said('profile.unknown', { profile: 'x' })).toEqual({
      code: 'profile.unknown',
      values: { profile: 'x' },
    });
    expect(said('send.confirmation-too-old')).toEqual({ code: 'send.confirmation-too-old' });
  });

  it('is typed by the table: an unknown code, a missing or a wrong value fails typecheck', () => {
    // @ts-expect-error a code that is not in the table
    said('send.something-new');
    // @ts-expect-error the profile's name is missing
    said('profile.unknown', {});
    // @ts-expect-error a count is a number
    said('send.messages-have-problems', { count: '2' });
    // @ts-expect-error a code without values takes none
    said('retry.elsewhere', { why: 'x' });
    expect(Object.keys(SAID)).toContain('profile.unknown');
  });

  it('groups every code as `group.name`, the catalogue’s path', () => {
    for (const code of Object.keys(SAID)) expect(code).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
  });
});
