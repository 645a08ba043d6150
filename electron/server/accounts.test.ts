import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate, DEMO_ACCOUNT, parseConfig, readConfig } from './accounts';

describe('Issue 3: accounts from a config file', () => {
  it('without accounts, the one account is demo/demo', () => {
    expect(parseConfig('{}')).toEqual({
      ok: true,
      config: { accounts: [{ user: 'demo', password: 'demo' }] },
    });
    expect(DEMO_ACCOUNT).toEqual({ user: 'demo', password: 'demo' });
  });

  it('reads accounts and settings', () => {
    const result = parseConfig(
      JSON.stringify({
        accounts: [
          { user: 'alice', password: 'a pass' },
          { user: 'bob_2', password: 'b' },
        ],
        host: '127.0.0.2',
        passivePorts: [30000, 30009],
        retryIntervalSeconds: 2,
        uploadLimitMiB: 64,
        quotaMiB: 0.5,
        idleTimeoutSeconds: 30,
        dataTimeoutSeconds: 5,
        connectionsPerAddress: 8,
      }),
    );
    expect(result).toEqual({
      ok: true,
      config: {
        accounts: [
          { user: 'alice', password: 'a pass' },
          { user: 'bob_2', password: 'b' },
        ],
        host: '127.0.0.2',
        passivePorts: [30000, 30009],
        retryIntervalSeconds: 2,
        uploadLimitMiB: 64,
        quotaMiB: 0.5,
        idleTimeoutSeconds: 30,
        dataTimeoutSeconds: 5,
        connectionsPerAddress: 8,
      },
    });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"acounts": []}', /Unknown keys: acounts/],
    ['{"accounts": []}', /"accounts" is empty/],
    ['{"accounts": {}}', /must be a list/],
    ['{"accounts": [{"user": "a"}]}', /accounts\[0\] must have a "user" and a "password"/],
    [
      '{"accounts": [{"user": "../x", "password": "p"}]}',
      /user name "..\/x" must be 1 to 64 letters/,
    ],
    ['{"accounts": [{"user": ".hidden", "password": "p"}]}', /not starting with "."/],
    ['{"accounts": [{"user": "a", "password": ""}]}', /password of "a" is empty/],
    ['{"accounts": [{"user": "a", "password": "x\\"y"}]}', /double quote/],
    [
      '{"accounts": [{"user": "Ann", "password": "p"}, {"user": "ann", "password": "q"}]}',
      /"ann" is there twice/,
    ],
    ['{"accounts": [{"user": "a", "password": "p", "role": "x"}]}', /unknown keys: role/],
    ['{"passivePorts": [1000]}', /"passivePorts" must be \[first, last\]/],
    ['{"passivePorts": [2000, 2001]}', /at least 4/],
    ['{"retryIntervalSeconds": 0}', /above 0/],
    ['{"uploadLimitMiB": "100"}', /"uploadLimitMiB" must be a number of MiB above 0/],
    ['{"quotaMiB": -1}', /"quotaMiB" must be a number of MiB above 0/],
    ['{"idleTimeoutSeconds": 0}', /"idleTimeoutSeconds" must be a number of seconds above 0/],
    ['{"dataTimeoutSeconds": null}', /"dataTimeoutSeconds" must be a number of seconds/],
    ['{"connectionsPerAddress": 2.5}', /"connectionsPerAddress" must be a whole number above 0/],
    ['{"host": 7}', /"host" must be an address/],
  ])('refuses %s with a sentence that says what is wrong', (text, problem) => {
    const result = parseConfig(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(problem);
  });

  it('lists every problem at once', () => {
    const result = parseConfig(
      '{"accounts": [{"user": "", "password": ""}], "retryIntervalSeconds": -1}',
    );
    expect(!result.ok && result.problems).toHaveLength(3);
  });

  it('reads the file, and says so when it cannot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-config-'));
    await writeFile(join(dir, 'c.json'), '{"accounts": [{"user": "x", "password": "y"}]}');
    expect(await readConfig(join(dir, 'c.json'))).toEqual({
      ok: true,
      config: { accounts: [{ user: 'x', password: 'y' }] },
    });
    const missing = await readConfig(join(dir, 'none.json'));
    expect(!missing.ok && missing.problems[0]).toMatch(/^Cannot read the config .*none\.json/);
  });
});

describe('Issue 3: logins', () => {
  const accounts = [
    { user: 'alice', password: 'one' },
    { user: 'bob', password: 'two' },
  ];
  it('opens the account whose name and password both match', () => {
    expect(authenticate(accounts, 'alice', 'one')).toEqual(accounts[0]);
    expect(authenticate(accounts, 'bob', 'two')).toEqual(accounts[1]);
  });
  it.each([
    ['alice', 'two'],
    ['bob', 'one'],
    ['Alice', 'one'],
    ['anonymous', 'guest'],
    ['alice', ''],
    ['', 'one'],
  ])('refuses %j with password %j', (user, password) => {
    expect(authenticate(accounts, user, password)).toBeNull();
  });
});
