import { describe, expect, it } from 'vitest';
import { resolveFtpPath } from './paths';

describe("SPEC 1: nothing outside the account's own folder can be reached", () => {
  it.each([
    ['', { kind: 'root' }],
    ['/', { kind: 'root' }],
    ['.', { kind: 'root' }],
    ['..', { kind: 'root' }],
    ['/../../..', { kind: 'root' }],
    ['a/..', { kind: 'root' }],
    ['list.csv', { kind: 'file', name: 'list.csv' }],
    ['/list.csv', { kind: 'file', name: 'list.csv' }],
    ['./list.csv', { kind: 'file', name: 'list.csv' }],
    ['//list.csv', { kind: 'file', name: 'list.csv' }],
    ['../list.csv', { kind: 'file', name: 'list.csv' }],
    ['../../other/list.csv', { kind: 'nested', path: '/other/list.csv' }],
    ['/etc/passwd', { kind: 'nested', path: '/etc/passwd' }],
    ['sub/x', { kind: 'nested', path: '/sub/x' }],
    ['...', { kind: 'file', name: '...' }],
    [' spaced name.csv ', { kind: 'file', name: ' spaced name.csv ' }],
    ['Søren.csv', { kind: 'file', name: 'Søren.csv' }],
  ])('%j resolves to %j: ".." stops at "/", as in a chroot', (path, expected) => {
    expect(resolveFtpPath(path)).toEqual(expected);
  });

  it.each([
    ['..\\..\\etc\\passwd', '"\\"'],
    ['a\u0000b', 'control characters'],
    ['a\nb', 'control characters'],
    ['a\u007fb', 'control characters'],
    ['x'.repeat(256), 'at most 255 bytes'],
    ['ø'.repeat(128), 'at most 255 bytes'],
  ])('%j is no valid name (%s)', (path, reason) => {
    const resolved = resolveFtpPath(path);
    expect(resolved.kind).toBe('invalid');
    expect(resolved.kind === 'invalid' && resolved.reason).toContain(reason);
  });

  it('a 255-byte name is fine', () => {
    expect(resolveFtpPath('x'.repeat(255))).toEqual({ kind: 'file', name: 'x'.repeat(255) });
  });
});
