import type { Outcome } from './Scenario.ts';

/** What a run showed, as the e2e tests read it from the panel or unit tests from a record. */
export interface ObservedOutcome {
	ok: boolean;
	/** `exchangeLine` of each exchange, in order. */
	exchanges: readonly string[];
	result: string;
	logs: readonly string[];
}

/**
 * How an observed run differs from a scenario's documented outcome; empty when it matches.
 * Messages quote both sides, so a failing test says what the page would have shown.
 */
export function outcomeProblems(expected: Outcome, observed: ObservedOutcome): string[] {
	const problems: string[] = [];
	if (observed.ok !== expected.ok) {
		problems.push(
			`expected the action to ${expected.ok ? 'return' : 'throw'}, but it ${observed.ok ? 'returned' : 'threw'}: ${observed.result}`
		);
	}
	const exchangesMatch =
		observed.exchanges.length === expected.exchanges.length &&
		expected.exchanges.every((pattern, i) =>
			exchangePattern(pattern).test(observed.exchanges[i] ?? '')
		);
	if (!exchangesMatch) {
		problems.push(
			`expected exchanges ${JSON.stringify(expected.exchanges)}, saw ${JSON.stringify(observed.exchanges)}`
		);
	}
	if (expected.result !== undefined && !observed.result.includes(expected.result)) {
		problems.push(
			`expected the result to contain ${JSON.stringify(expected.result)}: ${observed.result}`
		);
	}
	const logs = expected.logs ?? [];
	const logsMatch =
		observed.logs.length === logs.length &&
		logs.every((text, i) => observed.logs[i]?.includes(text));
	if (!logsMatch) {
		problems.push(
			`expected logs containing ${JSON.stringify(logs)}, saw ${JSON.stringify(observed.logs)}`
		);
	}
	return problems;
}

/** `*` stands for one path segment; everything else is literal. */
export function exchangePattern(pattern: string): RegExp {
	const literal = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${literal.join('[^/\\s]+')}$`);
}
