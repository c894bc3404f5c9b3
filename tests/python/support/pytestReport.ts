import type { LineCoverage, PytestRun } from './runPytest.ts';

/** Per file, as vitest.config.ts asks of the TypeScript examples. */
export const MIN_LINE_COVERAGE = 90;

/**
 * Empty when pytest passed; else each failed test with where it failed (`path:line: …` for every
 * frame in the repository, the example's own line among them) and pytest's account of it.
 */
export function failureReport(run: Pick<PytestRun, 'exitCode' | 'output' | 'tests'>): string {
	const failed = run.tests.filter((test) => test.outcome === 'failed');
	if (failed.length === 0) {
		return run.exitCode === 0 ? '' : `pytest exited with ${run.exitCode}:\n${run.output}`;
	}
	return failed
		.map((test) => {
			const where = (test.locations ?? []).map((location) => `  at ${location}`).join('\n');
			return `FAILED ${test.nodeid} (${test.when ?? 'call'})\n${where}\n\n${test.message ?? ''}`;
		})
		.join('\n\n');
}

/** Empty when `file` (relative to `examples/`) ran to the minimum; else what did not run. */
export function uncoveredReport(coverage: LineCoverage, file: string): string {
	const lines = coverage[file];
	if (lines === undefined) return `examples/${file}: no Python test imports it`;
	const hit = new Set(lines.hit);
	const missed = lines.executable.filter((line) => !hit.has(line));
	const percent = (100 * (lines.executable.length - missed.length)) / lines.executable.length;
	if (percent >= MIN_LINE_COVERAGE) return '';
	return (
		`examples/${file}: ${percent.toFixed(1)}% of its lines ran, below ${MIN_LINE_COVERAGE}%; ` +
		`lines never run: ${ranges(missed)}`
	);
}

/** `3, 5-7, 9` */
function ranges(lines: readonly number[]): string {
	const parts: string[] = [];
	for (let index = 0; index < lines.length; index++) {
		const start = lines[index]!;
		let end = start;
		while (lines[index + 1] === end + 1) end = lines[++index]!;
		parts.push(start === end ? `${start}` : `${start}-${end}`);
	}
	return parts.join(', ');
}
