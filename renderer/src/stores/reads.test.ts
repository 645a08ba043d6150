import { describe, expect, it } from 'vitest';

/**
 * The stores are read field by field (STYLE.md): a component that reads a whole store renders
 * again at every change of any of its fields, as the send panel did at each upload progress
 * event of the sending store.
 */
const stores = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The hooks the stores export: `export const useX = create...`. */
function storeHooks(): string[] {
  return Object.values(stores).flatMap((source) =>
    [...source.matchAll(/export const (use[A-Z]\w*) = create\b/g)].map((match) => match[1]!),
  );
}

/** Each whole-store read in `source`: `useX()`, or a selector that gives the state itself. */
function wholeReads(source: string, hooks: readonly string[]): string[] {
  return hooks.flatMap((hook) => [
    ...[...source.matchAll(new RegExp(`\\b${hook}\\(\\s*\\)`, 'g'))].map((m) => m[0]),
    ...[
      ...source.matchAll(
        new RegExp(`\\b${hook}\\(\\s*\\(?\\s*(\\w+)\\s*\\)?\\s*=>\\s*\\1\\s*\\)`, 'g'),
      ),
    ].map((m) => m[0]),
  ]);
}

describe('components read the stores through selectors of a field, never a whole store', () => {
  const hooks = storeHooks();

  it('knows every store', () => {
    expect(hooks.sort()).toEqual([
      'useAppSettings',
      'useCampaign',
      'useFile',
      'useHistory',
      'useLeaveOut',
      'useMapping',
      'useSending',
      'useSettings',
      'useUi',
    ]);
  });

  it('finds a whole-store read where there is one', () => {
    expect(wholeReads('const { file, open } = useFile();', hooks)).toEqual(['useFile()']);
    expect(wholeReads('const sending = useSending((s) => s);', hooks)).toEqual([
      'useSending((s) => s)',
    ]);
    expect(wholeReads('const busy = useSending((s) => s.busy);', hooks)).toEqual([]);
  });

  it('finds none in the UI', () => {
    const found = Object.entries(sources).flatMap(([path, source]) =>
      wholeReads(source, hooks).map((read) => `${path}: ${read}`),
    );
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });
});
