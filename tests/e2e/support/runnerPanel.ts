import type { Locator, Page } from 'playwright-core';
import type { ObservedOutcome } from '../../../src/runner/scenarios/outcomeProblems.ts';
import type { Step } from '../../../src/runner/scenarios/Scenario.ts';

/** Every Run panel on a page, by scenario key, in page order. */
export async function panelKeys(page: Page): Promise<string[]> {
	return page
		.locator('[data-runner]')
		.evaluateAll((panels) => panels.map((panel) => panel.getAttribute('data-runner') ?? ''));
}

/** The panel of a scenario (the first one, if a region is runnable twice on a page). */
export function panel(page: Page, key: string): Locator {
	return page.locator(`[data-runner="${key}"]`).first();
}

/** Presses a panel button and waits until the runner has handled that press. */
export async function press(target: Locator, button: Locator): Promise<void> {
	const before = Number((await target.getAttribute('data-runner-done')) ?? 0);
	await button.click();
	await target
		.page()
		.waitForFunction(
			([element, count]) => Number(element?.getAttribute('data-runner-done') ?? 0) > count,
			[await target.elementHandle(), before] as const,
			{ timeout: 30_000 }
		);
}

/** The button a story step presses, found by role and visible text like a reader would. */
export function stepButton(target: Locator, step: Step, label: string): Locator {
	if ('action' in step) return target.locator(`button[data-action="${step.action}"]`);
	return target.getByRole('button', { name: label, exact: true });
}

/** What the panel's output shows for the last run. */
export async function observe(target: Locator): Promise<ObservedOutcome> {
	const output = target.locator('[data-runner-output]');
	return {
		ok: (await output.getAttribute('data-outcome')) === 'ok',
		exchanges: await output
			.locator('[data-exchange]')
			.evaluateAll((items) => items.map((item) => item.getAttribute('data-exchange') ?? '')),
		result: (await output.locator('[data-result]').textContent()) ?? '',
		logs: await output.locator('[data-log]').allTextContents(),
	};
}
