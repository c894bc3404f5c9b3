/**
 * The Python the Python examples need: 3.11 or later with `requests` (and `pytest`, which runs
 * their tests). Checked before pyright and before the Python tests, so a missing or old one fails
 * with what to install instead of a traceback. `node src/verify/python/requirePython.ts` runs the
 * check (`npm run typecheck` does); `.ci/run` checks the same before anything else.
 */
import { spawnSync } from 'node:child_process';

/** The interpreter to run; `PYTHON` overrides `python3` from `PATH`. */
export const PYTHON = process.env['PYTHON'] ?? 'python3';
export const MINIMUM = [3, 11] as const;

const INSTALL =
	'Install Python 3.11 or later with requests and pytest (Debian/Ubuntu: apt-get install ' +
	'python3 python3-requests python3-pytest; elsewhere: python3 -m pip install requests pytest), ' +
	'or point PYTHON at one that has them.';

// Prints the version, then the first package it cannot import.
const PROBE = [
	'import sys, importlib.util',
	'print("%d.%d.%d" % sys.version_info[:3])',
	'print(" ".join(p for p in ("requests", "pytest") if importlib.util.find_spec(p) is None))',
].join('; ');

/** Undefined when `python` is usable, else what is wrong and what to install. */
export function pythonProblem(python: string = PYTHON): string | undefined {
	const result = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
	if (result.error !== undefined) {
		return `The Python examples need ${python}, which cannot be run (${result.error.message}). ${INSTALL}`;
	}
	const [version = '', missing = ''] = result.stdout.split('\n').map((line) => line.trim());
	const [major = 0, minor = 0] = version.split('.').map(Number);
	if (result.status !== 0 || major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
		return `The Python examples need Python ${MINIMUM.join('.')} or later; ${python} is ${version || 'not one'}. ${INSTALL}`;
	}
	if (missing !== '') {
		return `The Python examples need ${missing.split(' ').join(' and ')}, which ${python} (${version}) cannot import. ${INSTALL}`;
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
