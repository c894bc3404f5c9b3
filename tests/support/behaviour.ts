import { test } from 'vitest';
import { behaviourCase } from '../../src/data/behaviour.ts';

/**
 * Runs the test of a behaviour case (`src/data/behaviour.ts`), titled with its table row: "when
 * … → then …". So the row a reader sees and the test that holds it cannot drift apart, and a
 * failure names the promise it broke. An unknown id fails the file at once.
 */
export function behaviour(id: string, run: () => Promise<void>, timeout?: number): void {
	const entry = behaviourCase(id);
	test(`${entry.when} → ${entry.then}`, run, timeout);
}
