import { DEFAULT_MARGIN_SECONDS } from '../../../examples/token-pairs/refresh-delay.ts';
import { LIFETIMES } from '../../mock/contract/lifetimes.ts';
import { factText } from '../../site/facts.ts';
import { formatOffset } from './formatOffset.ts';

/** One button of the runner's clock controls. */
export interface ClockStep {
	/** Seconds the mock clock moves forward. */
	seconds: number;
	/** Button text. */
	label: string;
	/** What the step is for, as the button's tooltip and accessible description. */
	hint: string;
}

const step = (seconds: number, hint: string): ClockStep => ({
	seconds,
	label: formatOffset(seconds),
	hint,
});

/**
 * The clock controls every Run panel shows, named so stories and pages can say "press
 * {@link CLOCK.intoMargin}". They follow the contract's lifetimes and the token manager's margin:
 * `intoMargin` lands inside the margin while the access token is still valid.
 */
export const CLOCK = {
	minute: step(60, 'Move the clock forward one minute'),
	intoMargin: step(
		LIFETIMES.accessToken - DEFAULT_MARGIN_SECONDS,
		`Into the ${factText('tokenManager.margin', 's')} refresh margin of a ${factText('access.lifetime', 'adjective')} access token: clients refresh now`
	),
	accessLifetime: step(LIFETIMES.accessToken, 'One access-token lifetime: it has expired'),
	refreshLifetime: step(LIFETIMES.refreshToken, 'One refresh-token lifetime: it has expired'),
} as const satisfies Record<string, ClockStep>;

/** The clock steps in button order. */
export const CLOCK_STEPS: readonly ClockStep[] = Object.values(CLOCK);

/** The clock step that moves time by `seconds`, if there is a button for it. */
export function clockStep(seconds: number): ClockStep | undefined {
	return CLOCK_STEPS.find((candidate) => candidate.seconds === seconds);
}
