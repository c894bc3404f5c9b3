/**
 * The Python the Python examples need: 3.11 or later with `requests`. Checked before pyright and
 * before the Python tests, so a missing or old one fails with what to install instead of a
 * traceback. `node src/verify/python/requirePython.ts` runs the check (`npm run typecheck` does).
 */
import { spawnSync } from 'node:child_process';

/** The interpreter to run; `PYTHON` overrides `python3` from `PATH`. */
export const PYTHON = process.env['PYTHON'] ?? 'python3';
export const MINIMUM = [3, 11] as const;

const INSTALL =
	'Install Python 3.11 or later with requests (Debian/Ubuntu: apt-get install python3 ' +
	'python3-requests; elsewhere: python3 -m pip install requests), or point PYTHON at one.';

// Prints the version, then fails on import if requests is missing.
const PROBE = 'import sys; print("%d.%d.%d" % sys.version_info[:3], flush=True); import requests';

/** Undefined when `python` is usable, else what is wrong and what to install. */
export function pythonProblem(python: string = PYTHON): string | undefined {
	const result = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
	if (result.error !== undefined) {
		return `The Python examples need ${python}, which cannot be run (${result.error.message}). ${INSTALL}`;
	}
	const version = result.stdout.trim();
	const [major = 0, minor = 0] = version.split('.').map(Number);
	if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
		return `The Python examples need Python ${MINIMUM.join('.')} or later; ${python} is ${version || 'unknown'}. ${INSTALL}`;
	}
	if (result.status !== 0) {
		return `The Python examples need the requests package, which ${python} (${version}) cannot import. ${INSTALL}`;
	}
	return undefined;
}

if (import.meta.main) {
	const problem = pythonProblem();
	if (problem !== undefined) {
		console.error(problem);
		process.exit(1);
	}
}
