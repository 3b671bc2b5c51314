import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, colon-separated hex ("AB:CD:…"), what people compare and pin. */
  fingerprint: string;
  /** Where it came from: the files given, or the self-signed pair beside the store (and whether it was made now). */
  source: 'given' | 'created' | 'existing';
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/**
 * The team server's TLS certificate: the files named by --tls-cert/--tls-key, or a self-signed
 * pair kept beside the store (`<store>.tls.crt`/`.tls.key`), created on the first start with
 * `selfsigned` (a well-kept generator; hand-built ASN.1 would be our own crypto code) and reused
 * after, so the fingerprint people pinned stays the same.
 */
export async function serverCertificate(options: { storePath: string; host: string; certFile?: string; keyFile?: string }): Promise<ServerCertificate> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) throw new Error('--tls-cert and --tls-key go together: give both files or neither.');
    const cert = readFileSync(options.certFile, 'utf8');
    return { cert, key: readFileSync(options.keyFile, 'utf8'), fingerprint: fingerprintOf(cert), source: 'given' };
  }
  const certPath = `${options.storePath}.tls.crt`;
  const keyPath = `${options.storePath}.tls.key`;
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    return { cert, key: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(cert), source: 'existing' };
  }
  const isIp = /^[\d.]+$|:/.test(options.host);
  const altNames = [{ type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }];
  if (isIp && options.host !== '127.0.0.1' && options.host !== '0.0.0.0' && options.host !== '::') altNames.push({ type: 7, ip: options.host });
  else if (!isIp && options.host !== 'localhost') altNames.push({ type: 2, value: options.host });
  const notAfterDate = new Date();
  notAfterDate.setFullYear(notAfterDate.getFullYear() + 5);
  const pems = await generate([{ name: 'commonName', value: `Ombud team server (${options.host})` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, pems.cert);
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert), source: 'created' };
}
