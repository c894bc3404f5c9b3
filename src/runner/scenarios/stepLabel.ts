import { clockStep } from '../clock/clockSteps.ts';
import type { Scenario, Step } from './Scenario.ts';

/** The button a story step presses, by its visible text (`Run`, `+15 min`, `Reset`). */
export function stepLabel(scenario: Scenario, step: Step): string {
	if ('reset' in step) return 'Reset';
	if ('advance' in step) {
		const label = clockStep(step.advance)?.label;
		if (!label) throw new Error(`no clock button moves ${step.advance} seconds`);
		return label;
	}
	const action = scenario.actions[step.action];
	if (!action)
		throw new Error(`${scenario.file}#${scenario.region} has no action "${step.action}"`);
	return action.label;
}
