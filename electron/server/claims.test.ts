// Issue 15: the claim is one rename, so a file has one `.processing` name and nothing else of it
// ever appears in the folder.
import { watch } from 'node:fs';
import type { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStageName } from '../../core/names';
import { connect, names, startTestProvider, upload, waitForNames } from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';
import { accountRoot } from './layout';

let provider: TestProvider;
let a: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  a = await connect(provider);
});

afterAll(async () => {
  a.close();
  await provider.close();
});

describe('Issue 15: one .processing name per processing', () => {
  it('no other name of the file appears, even for a moment, when one name is uploaded twice in a second', async () => {
    const base = 'once.csv';
    const seen = new Set<string>();
    const watcher = watch(accountRoot(provider.layout, 'demo'), (_event, name) => {
      if (name?.startsWith(`${base}.`) && name.endsWith('.processing')) seen.add(name);
    });
    try {
      for (const message of ['First', 'Second']) {
        await upload(a, `${base}.ready`, `msisdn,message\n4512345678,${message}\n`);
        await waitForNames(a, (n) => !n.includes(`${base}.ready`));
      }
      const found = await waitForNames(
        a,
        (n) =>
          n.filter((name) => name.startsWith(`${base}.`) && name.endsWith('.success')).length === 2,
      );
      // The processor's own notices of the renames come after the claims: let them all in.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await provider.idle();
      const stamps = found
        .filter((n) => n.startsWith(`${base}.`))
        .map((n) => parseStageName(n)!.stamp);
      expect([...seen].map((n) => parseStageName(n)!.stamp).sort()).toEqual(stamps.sort());
      expect((await names(a)).filter((n) => n.startsWith(`${base}.`))).toEqual(
        found.filter((n) => n.startsWith(`${base}.`)),
      );
    } finally {
      watcher.close();
    }
  });
});
