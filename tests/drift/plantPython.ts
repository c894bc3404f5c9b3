/**
 * Planting defects in the Python examples: the planted file goes into a throwaway copy of
 * `examples/` (Python has no in-memory module loading a test can hand to pytest), which pytest and
 * pyright are then pointed at, with the repository's own configuration (pyproject.toml) and test
 * files. The copy holds only `examples/`; everything else is read from the repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import { runPytest, type PytestRun } from '../python/support/runPytest.ts';
import { ROOT, type PlantedText } from './plantInMemory.ts';

const copies: string[] = [];
afterAll(() => {
	for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

/** A copy of `examples/` with `planted` (a file under `examples/`) written into it. */
function examplesWith(planted: PlantedText): string {
	const copy = mkdtempSync(join(tmpdir(), 'planted-examples-'));
	copies.push(copy);
	cpSync(join(ROOT, 'examples'), copy, { recursive: true });
	writeFileSync(join(copy, relative('examples', planted.file)), planted.text);
	return copy;
}

/** pytest over `testFiles` against a fresh mock, with `planted` in place of the real file. */
export function pytestPlanted(planted: PlantedText, testFiles: string[]): Promise<PytestRun> {
	return runPytest({ args: testFiles, examplesDir: examplesWith(planted) });
}

/** pyright (strict, the repository's configuration) over the planted file; its findings as text. */
export function pyrightPlanted(planted: PlantedText): { exitCode: number | null; output: string } {
	const copy = examplesWith(planted);
	const file = join(copy, relative('examples', planted.file));
	const result = spawnSync('npm', ['exec', '--', 'pyright', file], { cwd: ROOT, encoding: 'utf8' });
	// Paths as in the repository, so a message can be matched against `planted.file`.
	const output = `${result.stdout}${result.stderr}`.replaceAll(`${copy}/`, 'examples/');
	return { exitCode: result.status, output };
}
