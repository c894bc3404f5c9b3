import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { pythonProblem } from '../../../src/verify/python/requirePython.ts';

const dir = mkdtempSync(join(tmpdir(), 'require-python-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in interpreter that prints what the probe would. */
function fakePython(name: string, stdout: string, status = 0): string {
	const path = join(dir, name);
	writeFileSync(path, `#!/bin/sh\nprintf '${stdout}'\nexit ${status}\n`);
	chmodSync(path, 0o755);
	return path;
}

test('the Python on this machine has what the examples need', () => {
	expect(pythonProblem()).toBeUndefined();
});

test.each([
	{
		name: 'a missing python3',
		python: join(dir, 'no-such-python'),
		message: /cannot be run .*Install Python 3\.11 or later with requests and pytest/,
	},
	{
		name: 'Python 3.10',
		python: fakePython('python310', '3.10.12\\n\\n'),
		message: /need Python 3\.11 or later; .* is 3\.10\.12\. Install Python 3\.11/,
	},
	{
		name: 'Python 2 (the probe fails)',
		python: fakePython('python2', '', 1),
		message: /need Python 3\.11 or later; .* is not one\. Install/,
	},
	{
		name: 'no requests',
		python: fakePython('norequests', '3.11.7\\nrequests\\n'),
		message:
			/need requests, which .* \(3\.11\.7\) cannot import\. Install Python 3\.11 or later with requests/,
	},
	{
		name: 'neither requests nor pytest',
		python: fakePython('nothing', '3.12.1\\nrequests pytest\\n'),
		message: /need requests and pytest, which/,
	},
])('$name fails with what to install', ({ python, message }) => {
	expect(pythonProblem(python)).toMatch(message);
});
