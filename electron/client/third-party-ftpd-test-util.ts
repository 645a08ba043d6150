/**
 * FTP servers we did not write, for the client's tests: vsftpd and pure-ftpd from Debian's
 * packages, each pair started by a test on loopback as servers A and B sharing one folder, as the
 * provider's two servers share their files (SPEC 0). Each pair has a folder of its own with its
 * configuration, a self-signed certificate, its users and the shared root; plain FTP and explicit
 * FTPS (AUTH TLS) both on, or one of them only. `.ci/install-ftp-servers` (which `.ci/run` calls)
 * unpacks both packages into /opt/sendsheet-ftpd/; a server that is not there fails its tests,
 * saying so.
 */
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { loadCertificate } from '../server/certificate';
import {
  findProgram,
  freePort,
  freePortRange,
  Ftpd,
  HOW_TO_INSTALL,
  ServerDidNotStart,
} from './ftpd-process-test-util';
import type { FtpdKind } from './ftpd-process-test-util';
import type { Profile } from './profile';

export type { FtpdKind } from './ftpd-process-test-util';
export { versionOf } from './ftpd-process-test-util';
export const FTPD_KINDS: readonly FtpdKind[] = ['vsftpd', 'pure-ftpd'];

/** `offered`: plain FTP and FTPS; `off`: plain only (AUTH TLS refused); `required`: FTPS only. */
export type Tls = 'offered' | 'off' | 'required';

export interface FtpdOptions {
  tls?: Tls;
  /** False: the account may read and list but not write (vsftpd write_enable=NO). */
  writable?: boolean;
  /**
   * Names starting with a dot refused, a common hardening: pure-ftpd -x (`553 Prohibited file
   * name`), vsftpd deny_file. On unless said.
   */
  refuseDotFiles?: boolean;
}

/** Two servers of one kind on one folder, as the provider's A and B. */
export interface FtpdPair {
  kind: FtpdKind;
  /** The folder both serve: the account's files, where a test plays the provider. */
  root: string;
  /** SHA-256 fingerprint of the certificate both present. */
  fingerprint: string;
  user: string;
  password: string;
  servers: [Ftpd, Ftpd];
  /** The pair as the client's profile, A then B. */
  profile(security: 'ftp' | 'ftps', fingerprint?: string | null): Profile;
  close(): Promise<void>;
}

export const FTPD_PASSWORD = 'not-the-demo-password';
/** FTPD_PASSWORD as SHA-512 crypt, for pure-ftpd's users (pure-pw's argon2 takes seconds a login). */
const PASSWORD_HASH =
  '$6$thirdpartyftpd$06nKQvSGmLAmkdXDAZJpwYYC6xqH7OY3dvOqIjQck9.xn4a632zxKXyf3iVUwUKfNXBgB4k417hGlMg0S1dyE/';
/** pure-ftpd's users run as these: the owner of the root folder, and one that may only read. */
const WRITER_UID = 1;
const READER_UID = 2;

function vsftpdConfig(
  dir: string,
  name: string,
  port: number,
  passive: [number, number],
  options: FtpdOptions,
): string {
  const yes = (on: boolean) => (on ? 'YES' : 'NO');
  const tls = options.tls ?? 'offered';
  const lines = [
    'listen=YES',
    'listen_ipv6=NO',
    'background=NO',
    'listen_address=127.0.0.1',
    `listen_port=${port}`,
    // As the user that started it, without a chroot: vsftpd refuses an anonymous root the
    // session may write to, and the client writes into the folder it logs in to.
    'run_as_launching_user=YES',
    // Looked up even so; Debian's package would have made a user "ftp", which is not made here.
    `ftp_username=${userInfo().username}`,
    `nopriv_user=${userInfo().username}`,
    'seccomp_sandbox=NO',
    `secure_chroot_dir=${join(dir, 'empty')}`,
    // One account: anonymous, with the only password listed in a file.
    'anonymous_enable=YES',
    'local_enable=NO',
    'secure_email_list_enable=YES',
    `email_password_file=${join(dir, 'passwords')}`,
    `anon_root=${join(dir, 'root')}`,
    `write_enable=${yes(options.writable ?? true)}`,
    'anon_upload_enable=YES',
    'anon_other_write_enable=YES',
    'anon_mkdir_write_enable=NO',
    'anon_world_readable_only=NO',
    'anon_umask=022',
    'delay_failed_login=0',
    'max_clients=0',
    'max_per_ip=0',
    'pasv_enable=YES',
    `pasv_min_port=${passive[0]}`,
    `pasv_max_port=${passive[1]}`,
    'utf8_filesystem=YES',
    `ssl_enable=${yes(tls !== 'off')}`,
    'allow_anon_ssl=YES',
    `force_anon_logins_ssl=${yes(tls === 'required')}`,
    `force_anon_data_ssl=${yes(tls === 'required')}`,
    `rsa_cert_file=${join(dir, 'certificate.pem')}`,
    `rsa_private_key_file=${join(dir, 'certificate.pem')}`,
    'xferlog_enable=YES',
    'xferlog_std_format=NO',
    'log_ftp_protocol=YES',
    `vsftpd_log_file=${join(dir, `vsftpd-${name}.log`)}`,
  ];
  if (options.refuseDotFiles ?? true) lines.push('deny_file={.*}');
  return `${lines.join('\n')}\n`;
}

async function pureFtpdUsers(dir: string, root: string, name: string, uid: number) {
  const passwd = join(dir, `users-${name}.passwd`);
  const database = join(dir, `users-${name}.pdb`);
  // `/./` in the home: the session is kept inside it (chroot).
  await writeFile(passwd, `demo:${PASSWORD_HASH}:${uid}:${uid}::${root}/./::::::::::::\n`);
  execFileSync(findProgram('pure-ftpd', 'usr/bin/pure-pw'), ['mkdb', database, '-f', passwd], {
    stdio: 'pipe',
  });
  return database;
}

function pureFtpdArgs(
  dir: string,
  database: string,
  port: number,
  passive: [number, number],
  options: FtpdOptions,
): string[] {
  const tls = options.tls ?? 'offered';
  const args = [
    `--bind=127.0.0.1,${port}`,
    `--login=puredb:${database}`,
    '--noanonymous',
    '--dontresolve',
    '--ipv4only',
    '--chrooteveryone',
    `--passiveportrange=${passive[0]}:${passive[1]}`,
    '--maxclientsnumber=50',
    '--maxclientsperip=50',
    `--minuid=${WRITER_UID}`,
    '--syslogfacility=none',
    // 0: no TLS; 1: plain and TLS; 2: cleartext sessions refused (421 to USER).
    `--tls=${{ off: 0, offered: 1, required: 2 }[tls]}`,
    `--certfile=${join(dir, 'certificate.pem')}`,
  ];
  if (options.refuseDotFiles ?? true) args.push('--prohibitdotfileswrite');
  return args;
}

/**
 * Starts servers A and B of `kind` on one new folder, on free loopback ports; `a` and `b` set
 * each one (TLS, writing). Runs as root, as CI does: pure-ftpd needs it to take its users'
 * identities. A port found free can be taken by another test run before the server binds it:
 * the pair is then started again on others.
 */
export async function startFtpdPair(
  kind: FtpdKind,
  options: { a?: FtpdOptions; b?: FtpdOptions } = {},
): Promise<FtpdPair> {
  for (let tries = 1; ; tries++) {
    try {
      return await startPairOnce(kind, options);
    } catch (error) {
      if (tries === 3 || !(error instanceof ServerDidNotStart)) throw error;
    }
  }
}

async function startPairOnce(
  kind: FtpdKind,
  options: { a?: FtpdOptions; b?: FtpdOptions },
): Promise<FtpdPair> {
  const program = findProgram(kind, `usr/sbin/${kind}`);
  if (kind === 'pure-ftpd' && process.getuid?.() !== 0) {
    throw new Error(`pure-ftpd's tests start it as root, as CI does: ${HOW_TO_INSTALL}.`);
  }
  const dir = await mkdtemp(join(tmpdir(), `sendsheet-${kind}-`));
  // The servers' sessions run as other users, who must reach the root folder.
  await chmod(dir, 0o755);
  const root = join(dir, 'root');
  await mkdir(root, { mode: 0o755 });
  await mkdir(join(dir, 'empty'), { mode: 0o755 });
  const certificate = await loadCertificate(dir, new Date());
  let user: string;
  const servers: Ftpd[] = [];
  if (kind === 'vsftpd') {
    user = 'anonymous';
    await writeFile(join(dir, 'passwords'), `${FTPD_PASSWORD}\n`);
    for (const [name, own] of [
      ['A', options.a],
      ['B', options.b],
    ] as const) {
      const port = await freePort();
      const config = join(dir, `vsftpd-${name}.conf`);
      await writeFile(config, vsftpdConfig(dir, name, port, await freePortRange(20), own ?? {}));
      servers.push(new Ftpd(name, port, { program, args: [config] }));
    }
  } else {
    user = 'demo';
    await chown(root, WRITER_UID, WRITER_UID);
    for (const [name, own] of [
      ['A', options.a],
      ['B', options.b],
    ] as const) {
      const uid = (own?.writable ?? true) ? WRITER_UID : READER_UID;
      const database = await pureFtpdUsers(dir, root, name, uid);
      const port = await freePort();
      const args = pureFtpdArgs(dir, database, port, await freePortRange(20), own ?? {});
      servers.push(new Ftpd(name, port, { program, args }));
    }
  }
  const pair: FtpdPair = {
    kind,
    root,
    fingerprint: certificate.fingerprint,
    user,
    password: FTPD_PASSWORD,
    servers: servers as [Ftpd, Ftpd],
    profile: (security, fingerprint = certificate.fingerprint) => ({
      id: `${kind}-${security}`,
      name: `${kind} (${security})`,
      servers: servers.map((server) => ({
        name: server.name,
        host: '127.0.0.1',
        port: server.port,
        security,
        fingerprint: security === 'ftps' ? fingerprint : null,
      })),
      user,
      password: FTPD_PASSWORD,
    }),
    close: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(servers.map((server) => server.start()));
  } catch (error) {
    await pair.close();
    throw error;
  }
  return pair;
}

/** The commands vsftpd's server `name` logged, in order (its log holds every one). */
export async function vsftpdCommands(pair: FtpdPair, name: 'A' | 'B'): Promise<string[]> {
  const log = await readFile(join(pair.root, '..', `vsftpd-${name}.log`), 'utf8').catch(() => '');
  return [...log.matchAll(/FTP command: Client "[^"]*", "([^"]*)"/g)].map((match) => match[1]!);
}
