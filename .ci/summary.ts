/**
 * Sums vitest's closing "Tests" lines, and the conformance suite's plain ones, from CI logs into
 * one plain line, `N passed, N failed`, so
 * whoever reads the CI output sees the total of every suite at a glance.
 */
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	// Vitest's summary, colours stripped: "      Tests  12 failed | 1323 passed | 2 skipped (1337)".
	const text = readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
	for (const [, counts = ''] of text.matchAll(/^\s+Tests\s+(.+)\(\d+\)\s*$/gm)) {
		passed += Number(/(\d+) passed/.exec(counts)?.[1] ?? 0);
		failed += Number(/(\d+) failed/.exec(counts)?.[1] ?? 0);
		skipped += Number(/(\d+) skipped/.exec(counts)?.[1] ?? 0);
	}
	// The conformance suite's own closing line: "40 passed, 0 failed".
	for (const [, ok = '0', ko = '0'] of text.matchAll(/^(\d+) passed, (\d+) failed$/gm)) {
		passed += Number(ok);
		failed += Number(ko);
	}
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
