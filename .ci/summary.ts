/**
 * Adds up the machine-readable reports of a CI run into one plain line, `N passed, N failed`, so
 * whoever reads the CI output sees the total of every suite at a glance: vitest's JSON reports
 * (`--reporter=json`) and the conformance suite's (`CONFORMANCE_REPORT`). A report that is
 * missing or unreadable is a failure of its own: a suite that wrote nothing did not pass.
 */
import { readFileSync } from 'node:fs';

/** The counts of one report. */
export interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

/** The counts in one report's JSON text; `undefined` when it is neither kind of report. */
export function countsOf(json: unknown): Counts | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const report = json as Record<string, unknown>;
	const number = (key: string) => (typeof report[key] === 'number' ? report[key] : undefined);
	const vitest = number('numPassedTests');
	if (vitest !== undefined) {
		return {
			passed: vitest,
			failed: number('numFailedTests') ?? 0,
			skipped: (number('numPendingTests') ?? 0) + (number('numTodoTests') ?? 0),
		};
	}
	const passed = number('passed');
	const failed = number('failed');
	if (passed === undefined || failed === undefined) return undefined;
	return { passed, failed, skipped: 0 };
}

/** The closing line for reports at `files`; each file that cannot be read counts as one failure. */
export function summarize(
	files: readonly string[],
	read = (file: string) => readFileSync(file, 'utf8')
): string {
	const total: Counts = { passed: 0, failed: 0, skipped: 0 };
	const unreadable: string[] = [];
	for (const file of files) {
		let counts: Counts | undefined;
		try {
			counts = countsOf(JSON.parse(read(file)));
		} catch {
			counts = undefined;
		}
		if (!counts) {
			unreadable.push(file);
			continue;
		}
		total.passed += counts.passed;
		total.failed += counts.failed;
		total.skipped += counts.skipped;
	}
	const failed = total.failed + unreadable.length;
	const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
	const missing = unreadable.length ? ` (no report: ${unreadable.join(', ')})` : '';
	return `${total.passed} passed, ${failed} failed${skipped}${missing}`;
}

if (import.meta.main) console.log(summarize(process.argv.slice(2)));
