import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A certificate and its private key, as PEM files on disk. */
export interface CertificateFiles {
	cert: string;
	key: string;
}

/**
 * A certificate authority made for one test run with the `openssl` CLI: its key never leaves the
 * test's temporary directory, so nothing it signs is trusted anywhere else. P-256 keys, valid for
 * a day (TLS libraries check validity against the wall clock, whatever the test's clock says).
 */
export class ThrowawayCa {
	readonly cert: string;
	readonly #key: string;
	readonly #dir: string;

	/** Creates the CA's key and self-signed certificate in `dir`, named after `name`. */
	constructor(dir: string, name: string) {
		this.#dir = dir;
		this.cert = join(dir, `${name}.ca.pem`);
		this.#key = join(dir, `${name}.ca.key`);
		openssl([
			'req',
			'-x509',
			...P256,
			'-keyout',
			this.#key,
			'-out',
			this.cert,
			'-subj',
			`/CN=${name} test CA`,
			'-addext',
			'basicConstraints=critical,CA:TRUE',
			'-addext',
			'keyUsage=critical,keyCertSign',
		]);
	}

	/** Issues a server certificate for `names` (DNS names, or IP addresses written `IP:…`). */
	issue(file: string, names: readonly string[]): CertificateFiles {
		const cert = join(this.#dir, `${file}.pem`);
		const key = join(this.#dir, `${file}.key`);
		const san = names.map((name) => (name.startsWith('IP:') ? name : `DNS:${name}`)).join(',');
		openssl([
			'req',
			'-x509',
			...P256,
			'-CA',
			this.cert,
			'-CAkey',
			this.#key,
			'-keyout',
			key,
			'-out',
			cert,
			'-subj',
			`/CN=${names[0]}`,
			'-addext',
			`subjectAltName=${san}`,
			'-addext',
			'basicConstraints=critical,CA:FALSE',
			'-addext',
			'extendedKeyUsage=serverAuth',
		]);
		return { cert, key };
	}
}

const P256 = [
	'-newkey',
	'ec',
	'-pkeyopt',
	'ec_paramgen_curve:P-256',
	'-nodes',
	'-days',
	'1',
] as const;

function openssl(args: readonly string[]): void {
	try {
		execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
	} catch (error) {
		const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
		throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${stderr}`);
	}
}
