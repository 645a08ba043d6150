/**
 * The certificate for explicit FTPS (AUTH TLS): self-signed, made on first start and kept in the
 * data folder, so clients that pin it on first use keep trusting the same one.
 */
import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, as clients show it. */
  fingerprint: string;
  created: boolean;
}

/** Key and certificate in one file, so two servers starting at once can never pair mismatched halves. */
const FILE = 'certificate.pem';
const VALID_YEARS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

function pemBlocks(text: string, label: string): string[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, 'g');
  return text.match(pattern) ?? [];
}

/** The stored certificate when it is whole, matches its key and is valid for another day. */
function usable(text: string, now: Date): Omit<Certificate, 'created'> | null {
  const [key] = pemBlocks(text, 'PRIVATE KEY');
  const [cert] = pemBlocks(text, 'CERTIFICATE');
  if (key === undefined || cert === undefined) return null;
  try {
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    if (Date.parse(x509.validTo) < now.getTime() + DAY_MS) return null;
    return { key, cert, fingerprint: x509.fingerprint256 };
  } catch {
    return null;
  }
}

export async function loadCertificate(dir: string, now: Date): Promise<Certificate> {
  const path = join(dir, FILE);
  const stored = await readFile(path, 'utf8').catch(() => '');
  const found = usable(stored, now);
  if (found) return { ...found, created: false };

  const notAfterDate = new Date(now);
  notAfterDate.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const pems = await generate([{ name: 'commonName', value: 'Sendsheet emulated provider' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - DAY_MS),
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const text = `${pems.private.trim()}\n${pems.cert.trim()}\n`;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${FILE}.${randomUUID()}`);
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
  const made = usable(text, now);
  if (!made) throw new Error('The certificate just made does not match its key.');
  return { ...made, created: true };
}
