import { BEHAVIOUR, type BehaviourCase, testFileOf } from '../data/behaviour.ts';
import { closestMatch } from './closestMatch.ts';

/** The test a `<Promised test="…">` names: its file and title, and its behaviour case if any. */
export interface PromiseTest {
	file: string;
	title: string;
	caseId: string | undefined;
}

/** The separator between a test file and a test title in `test="<file> > <title>"`. */
export const TITLE_SEPARATOR = ' > ';

/**
 * Reads the `test` of a `<Promised>`: a case id of `src/data/behaviour.ts`, or `<file> > <title>`
 * for a test outside the behaviour list. Throws, naming the closest case, for anything else.
 */
export function resolvePromiseTest(
	test: string,
	cases: readonly BehaviourCase[] = BEHAVIOUR
): PromiseTest {
	const entry = cases.find((candidate) => candidate.id === test);
	if (entry) {
		return { file: testFileOf(entry), title: `${entry.when} → ${entry.then}`, caseId: entry.id };
	}
	const at = test.indexOf(TITLE_SEPARATOR);
	if (at > 0 && test.slice(0, at).endsWith('.test.ts')) {
		return {
			file: test.slice(0, at),
			title: test.slice(at + TITLE_SEPARATOR.length),
			caseId: undefined,
		};
	}
	const closest = closestMatch(
		test,
		cases.map((candidate) => candidate.id)
	);
	throw new Error(
		`no test "${test}": name a case of src/data/behaviour.ts${closest ? ` (closest: "${closest}")` : ''} or "<tests/…test.ts> > <title>"`
	);
}
