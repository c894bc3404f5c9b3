import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../src/runner/scenarios/Scenario.ts';
import { stepLabel } from '../../../src/runner/scenarios/stepLabel.ts';

const scenario: Scenario = {
	file: 'a/b.ts',
	region: 'r',
	summary: '',
	state: () => ({}),
	actions: {
		run: { label: 'Run', run: async () => undefined },
		replay: { label: 'Replay it', run: async () => undefined },
	},
	stories: [{ says: '', steps: [] }],
};

describe('stepLabel', () => {
	test('names the button each kind of step presses', () => {
		expect(stepLabel(scenario, { action: 'replay', expect: { ok: true, exchanges: [] } })).toBe(
			'Replay it'
		);
		expect(stepLabel(scenario, { advance: 900 })).toBe('+15 min');
		expect(stepLabel(scenario, { reset: true })).toBe('Reset');
	});

	test('refuses a clock move no button makes', () => {
		expect(() => stepLabel(scenario, { advance: 61 })).toThrow('no clock button moves 61 seconds');
	});

	test('refuses an action the scenario does not have', () => {
		expect(() =>
			stepLabel(scenario, { action: 'nope', expect: { ok: true, exchanges: [] } })
		).toThrow('a/b.ts#r has no action "nope"');
	});
});
