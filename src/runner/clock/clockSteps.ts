/** One button of the runner's clock controls. */
export interface ClockStep {
	/** Seconds the mock clock moves forward. */
	seconds: number;
	/** Button text. */
	label: string;
	/** What the step is for, as the button's tooltip and accessible description. */
	hint: string;
}

/**
 * The clock controls every Run panel shows. The steps follow the lifetimes in the contract: an
 * access token lives 15 minutes and a client refreshes 60 seconds ahead (so +14 min lands inside
 * the margin while the token is still valid); a refresh token lives 30 days.
 */
export const CLOCK_STEPS: readonly ClockStep[] = [
	{ seconds: 60, label: '+1 min', hint: 'Move the clock forward one minute' },
	{
		seconds: 14 * 60,
		label: '+14 min',
		hint: 'Into the last minute of a 15-minute access token: clients refresh now',
	},
	{ seconds: 15 * 60, label: '+15 min', hint: 'One access-token lifetime: it has expired' },
	{ seconds: 30 * 86_400, label: '+30 days', hint: 'One refresh-token lifetime: it has expired' },
];

/** The clock step that moves time by `seconds`, if there is a button for it. */
export function clockStep(seconds: number): ClockStep | undefined {
	return CLOCK_STEPS.find((step) => step.seconds === seconds);
}
