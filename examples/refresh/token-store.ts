/**
 * Keeps a login's refresh token on disk so a restarted service carries on with it instead of
 * sending its password again. Every write is atomic: the file holds the old login or the new one,
 * never half of either, whenever the process dies.
 *
 * @see /guides/refresh-and-rotation/
 */
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

// #region stored-login
/** What survives a restart: enough to refresh, and to revoke the whole login on the way out. */
export interface StoredLogin {
	/** The first pair's `id`: revoking it revokes every pair rotated from it. */
	loginId: string;
	/** The newest refresh token. The access token is not kept: a restart refreshes first. */
	refreshToken: string;
}

export interface TokenStore {
	load(): Promise<StoredLogin | undefined>;
	save(login: StoredLogin): Promise<void>;
	clear(): Promise<void>;
}
// #endregion stored-login

// #region write-atomically
/**
 * Replaces `path` with `text` so that a crash at any moment leaves the old content or the new,
 * complete: write a temporary file beside it, flush it to disk, then rename it over the old one
 * (a rename within one directory is atomic), then flush the directory so the rename survives a
 * power cut too. Readable by the owner only.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
	const temporary = `${path}.${process.pid}.tmp`;
	await writeFile(temporary, text, { mode: 0o600, flush: true });
	await rename(temporary, path);
	const directory = await open(dirname(path), 'r');
	try {
		await directory.sync();
	} finally {
		await directory.close();
	}
}
// #endregion write-atomically

// #region file-token-store
export class FileTokenStore implements TokenStore {
	readonly #path: string;

	constructor(path: string) {
		this.#path = path;
	}

	/** The stored login, or `undefined` when there is none yet (or it was cleared). */
	async load(): Promise<StoredLogin | undefined> {
		let text: string;
		try {
			text = await readFile(this.#path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
		const { loginId, refreshToken } = JSON.parse(text) as Partial<StoredLogin>;
		// Atomic writes mean a malformed file is not a crash: someone else wrote it. Say so.
		if (typeof loginId !== 'string' || typeof refreshToken !== 'string') {
			throw new TypeError(`${this.#path} does not hold a stored login`);
		}
		return { loginId, refreshToken };
	}

	save(login: StoredLogin): Promise<void> {
		return writeFileAtomically(this.#path, JSON.stringify(login));
	}

	async clear(): Promise<void> {
		await rm(this.#path, { force: true });
	}
}
// #endregion file-token-store
