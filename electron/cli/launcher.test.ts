// Issue 12, a command line that behaves like one: `sendsheet` is the package's bin, runs from
// any folder and reads relative paths from the folder it was typed in, says its version, and
// runs a bundle that loads a command's modules only when that command runs.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_ENTRY, ROOT } from '../../bin/build-cli.js';
import { typedFrom } from './io';

const LAUNCHER = join(ROOT, 'bin', 'sendsheet.js');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function ran(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: Uint8Array },
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(options.input ?? new Uint8Array());
  });
}

/** Runs the launcher as a shell would: `node /path/to/bin/sendsheet.js ARGS` typed in `cwd`. */
function sendsheet(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  input?: Uint8Array,
) {
  return ran(process.execPath, [LAUNCHER, ...args], { cwd, env, input });
}

const GOOD = 'msisdn,message\n4512345678,Hello\n';

let elsewhere: string;
beforeAll(async () => {
  elsewhere = await mkdtemp(join(tmpdir(), 'sendsheet-launcher-'));
  await writeFile(join(elsewhere, 'here.csv'), GOOD);
  // The first run may build the bundle; the tests below then time the command, not the build.
  await sendsheet(['--version'], elsewhere);
}, 120_000);

describe('issue 12: the sendsheet bin', () => {
  it('package.json names bin/sendsheet.js as the sendsheet command, a Node script', () => {
    expect(manifest.bin).toEqual({ sendsheet: 'bin/sendsheet.js' });
    expect(readFileSync(LAUNCHER, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    if (process.platform !== 'win32') expect(statSync(LAUNCHER).mode & 0o111).not.toBe(0);
    // `npm run -s sendsheet -- ...` and `npm start` run the same launcher.
    expect(manifest.scripts.sendsheet).toBe('node bin/sendsheet.js');
    expect(manifest.scripts.start).toBe('node bin/sendsheet.js app --electron');
  });

  it('--version prints the package version, from a folder outside the repository', async () => {
    const result = await sendsheet(['--version'], elsewhere);
    expect(result).toMatchObject({ code: 0, stdout: `sendsheet ${manifest.version}\n` });
  });

  it('reads a relative path from the folder it was typed in, even under a stale INIT_CWD', async () => {
    // INIT_CWD is left behind by whatever npm script started the shell's parent (here: vitest).
    const env = { ...process.env, INIT_CWD: ROOT, npm_lifecycle_event: 'test' };
    const result = await sendsheet(['check', 'here.csv'], elsewhere, env);
    expect(result.stdout).toContain('here.csv.ready: ACCEPTED');
    expect(result.code).toBe(0);
  });

  it('npm run -s sendsheet from another folder reads paths from that folder', async () => {
    const result = await ran(
      'npm',
      ['run', '-s', '--prefix', ROOT, 'sendsheet', '--', 'check', 'here.csv'],
      { cwd: elsewhere },
    );
    expect(result.stdout).toContain('here.csv.ready: ACCEPTED');
    expect(result.code).toBe(0);
  });

  it("npx sendsheet in a folder of the repository runs the repository's own bin", async () => {
    const sub = join(ROOT, 'electron', 'cli');
    // --offline: npx must find the command in the repository, never look for it in the registry.
    const result = await ran('npx', ['--offline', 'sendsheet', '--version'], { cwd: sub });
    expect(result).toMatchObject({ code: 0, stdout: `sendsheet ${manifest.version}\n` });
  }, 60_000);

  it('the folder a command was typed in: INIT_CWD only for this package’s own npm script', () => {
    const root = '/repo';
    const npmScript = {
      INIT_CWD: '/home/u/lists',
      npm_lifecycle_event: 'sendsheet',
      npm_package_json: join(root, 'package.json'),
    };
    expect(typedFrom(npmScript, root, root)).toBe('/home/u/lists');
    // Started by another package's script, or from another folder: INIT_CWD is not ours.
    expect(typedFrom({ ...npmScript, npm_package_json: '/other/package.json' }, root, root)).toBe(
      root,
    );
    expect(typedFrom(npmScript, '/tmp/x', root)).toBe('/tmp/x');
    expect(typedFrom({}, '/tmp/x', root)).toBe('/tmp/x');
  });
});

describe('issue 12: standard input, as the shell gives it', () => {
  it('check - reads the file piped in', async () => {
    const input = new TextEncoder().encode('msisdn;message\r\n4512345678;Hi\r\n');
    const result = await sendsheet(
      ['check', '-', '--as', 'list.csv.excel'],
      elsewhere,
      undefined,
      input,
    );
    expect(result.stdout).toContain('list.csv.excel.ready: ACCEPTED');
    expect(result.code).toBe(0);
  });
});

describe('issue 16: check --json, to a file or through a pipe', () => {
  it('writes the same bytes either way, past many chunks of output', async () => {
    // A file gets the output through one reused buffer (it is written synchronously); a pipe
    // gets fresh ones. Both must be JSON.stringify of the verdict.
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `45${20_000_000 + i};Hej "€${i}" tak – ${'x'.repeat(i % 90)};Shop`,
    );
    const csv = join(elsewhere, 'many.csv');
    await writeFile(csv, `msisdn;message;sender\r\n${rows.join('\r\n')}\r\n`.replace(/"/g, ''));
    const args = [LAUNCHER, 'check', 'many.csv', '--as', 'many.csv.excel', '--json'];
    const piped = await ran(process.execPath, args, { cwd: elsewhere });
    expect(piped.code).toBe(0);
    const out = join(elsewhere, 'many.json');
    const file = await open(out, 'w');
    const code = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, args, {
        cwd: elsewhere,
        stdio: ['ignore', file.fd, 'inherit'],
      });
      child.on('exit', done);
    });
    await file.close();
    expect(code).toBe(0);
    const written = await readFile(out, 'utf8');
    expect(written.length).toBeGreaterThan(2 * (1 << 20));
    expect(written).toBe(piped.stdout);
    const verdict = JSON.parse(written) as { status: string; messages: { message: string }[] };
    expect(verdict.status).toBe('success');
    expect(verdict.messages).toHaveLength(12_000);
    expect(verdict.messages[11_999]!.message).toBe(`Hej €11999 tak – ${'x'.repeat(11_999 % 90)}`);
  });
});

describe('issue 12: segments reads standard input exactly as given', () => {
  it('EF BB BF first is U+FEFF, a character of the message; nothing at all is empty-message', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0x69]);
    const result = await sendsheet(['segments'], elsewhere, undefined, bom);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^UCS-2: 3 UCS-2 units, 1 SMS part\n/);
    expect(result.stdout).toContain('U+FEFF');
    const empty = await sendsheet(['segments'], elsewhere, undefined, new Uint8Array());
    expect(empty).toMatchObject({ code: 1, stdout: '' });
    expect(empty.stderr).toContain('empty-message');
  });
});

describe('issue 12: the bundle loads a command only when it runs', () => {
  it('`segments` loads none of the FTP, HTTP, schema or history packages', async () => {
    const { metafile } = await buildCli({ write: false });
    const outputs = metafile.outputs;
    const entry = Object.keys(outputs).find((path) => join(ROOT, path) === CLI_ENTRY)!;
    const segments = Object.keys(outputs).find((path) =>
      Object.keys(outputs[path]!.inputs).includes('electron/cli/segments-command.ts'),
    )!;
    expect(segments).not.toBe(entry);
    /** What loading `start` loads: its static imports, theirs, and so on. */
    const loaded = (start: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(start)) return seen;
      seen.add(start);
      for (const imported of outputs[start]?.imports ?? [])
        if (imported.kind === 'import-statement') loaded(imported.path, seen);
      return seen;
    };
    const forSegments = loaded(segments, loaded(entry));
    const packages = [...forSegments].filter(
      (path) => !(path in outputs) && !path.startsWith('node:'),
    );
    expect(packages).toEqual([]);
    const nodeModules = [...forSegments].filter((path) => path.startsWith('node:'));
    for (const heavy of ['node:net', 'node:tls', 'node:http', 'node:crypto'])
      expect(nodeModules).not.toContain(heavy);
    // The check can fail: `send` does load the FTP client.
    const send = Object.keys(outputs).find((path) =>
      Object.keys(outputs[path]!.inputs).includes('electron/cli/send-command.ts'),
    )!;
    expect([...loaded(send)]).toContain('basic-ftp');
  }, 60_000);

  it('builds the bundle again when a source is newer, and says so on stderr', async () => {
    const { utimes } = await import('node:fs/promises');
    const source = join(ROOT, 'electron', 'cli', 'segments-command.ts');
    const before = statSync(source);
    const future = new Date(Date.now() + 60_000);
    await utimes(source, future, future);
    try {
      const result = await sendsheet(['segments', 'hi'], elsewhere);
      expect(result.stderr).toContain(
        'sendsheet: building the command line first (electron/cli/segments-command.ts changed)',
      );
      expect(result.stdout).toBe('GSM-7: 2 GSM-7 characters, 1 SMS part\n');
    } finally {
      await utimes(source, before.atime, before.mtime);
    }
    // Built from the sources as they are: the next run starts straight away.
    const again = await sendsheet(['segments', 'hi'], elsewhere);
    expect(again.stderr).toBe('');
  }, 120_000);
});

describe('issue 12: sendsheet run outside the repository', () => {
  it('works from any folder through its path, and a link to it (npm link)', async () => {
    const { symlink } = await import('node:fs/promises');
    const bin = join(elsewhere, 'bin');
    await mkdir(bin, { recursive: true });
    await symlink(LAUNCHER, join(bin, 'sendsheet')).catch(() => {});
    const viaLink = await ran(join(bin, 'sendsheet'), ['check', 'here.csv'], { cwd: elsewhere });
    expect(viaLink.stdout).toContain('here.csv.ready: ACCEPTED');
  });
});

describe('issue 18: sendsheet installed from the package', () => {
  it('runs the bundle it ships, with neither the sources nor esbuild to build one', async () => {
    const { cp } = await import('node:fs/promises');
    // As `npm pack` lays it out (package.json's "files"): bin/ and dist/cli/, no sources.
    const installed = await mkdtemp(join(tmpdir(), 'sendsheet-installed-'));
    await cp(join(ROOT, 'bin'), join(installed, 'bin'), { recursive: true });
    await cp(join(ROOT, 'dist', 'cli'), join(installed, 'dist', 'cli'), { recursive: true });
    await writeFile(join(installed, 'package.json'), JSON.stringify({ ...manifest }));
    const launcher = join(installed, 'bin', 'sendsheet.js');
    const result = await ran(process.execPath, [launcher, 'segments', 'hi'], { cwd: elsewhere });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('GSM-7: 2 GSM-7 characters, 1 SMS part\n');
    // Without its bundle, it says the installation is incomplete rather than running stale code.
    const { rm } = await import('node:fs/promises');
    await rm(join(installed, 'dist', 'cli', 'sendsheet.mjs'));
    const broken = await ran(process.execPath, [launcher, '--version'], { cwd: elsewhere });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('it is missing from this installation');
  });
});
