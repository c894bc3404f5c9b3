import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The axe-core that @axe-core/playwright injects (it pins its own minor version), so the rule
 * metadata read below is that of the rules that run.
 */
const axe = createRequire(import.meta.resolve('@axe-core/playwright'))('axe-core') as {
	_audit?: AxeAudit;
};

/** The impacts the browser suite fails on. */
const COUNTED: ReadonlySet<string> = new Set(['serious', 'critical']);

/** The axe rules whose outcome depends on colours: all that a second theme can change. */
export const COLOUR_RULES: readonly string[] = ['color-contrast', 'link-in-text-block'];

interface AxeAudit {
	rules: { id: string; impact?: string }[];
}

/**
 * Rules that can never yield a counted finding. A rule with an impact of its own gives every
 * finding that impact (axe's `finalizeRuleResult`); a rule without one is always run. Running
 * the others costs a fifth of an analysis on a long page and their findings would be dropped
 * anyway; if `COUNTED` ever takes in `moderate`, they come back by themselves. axe keeps rules on
 * `_audit`, not a public API, so a change of shape fails here rather than skipping rules.
 */
export const UNCOUNTABLE_RULES: readonly string[] = (() => {
	const rules = axe._audit?.rules;
	if (!rules?.length) {
		throw new Error('axe-core no longer exposes its rules as _audit.rules: update axe.ts');
	}
	return rules
		.filter((rule) => rule.impact !== undefined && !COUNTED.has(rule.impact))
		.map((rule) => rule.id);
})();

/**
 * axe's serious and critical findings on a page, or on the part of it `include` selects.
 *
 * `rules` narrows the analysis to some rules: the two themes differ only in their styles (the
 * DOM is the same, `data-theme` aside), so the dark theme needs only {@link COLOUR_RULES}.
 */
export async function seriousViolations(
	page: Page,
	{ include, rules }: { include?: string; rules?: readonly string[] | undefined } = {}
) {
	assertNoCrossOriginFrame(page);
	// Only violations are read: axe then skips recording every passing node. Legacy mode runs
	// `axe.run` in the page (and its same-origin frames) instead of `runPartial` in each frame plus
	// `finishRun` in a fresh blank page: the partial results carry every node of every rule across
	// the protocol, which cost more than the analysis itself (6.7 s against 2.4 s on the longest
	// guide). What legacy mode gives up is cross-origin frames, and those are refused above.
	let builder = new AxeBuilder({ page }).setLegacyMode().options({
		resultTypes: ['violations'],
	});
	if (include !== undefined) builder = builder.include(include);
	builder =
		rules === undefined
			? builder.disableRules([...UNCOUNTABLE_RULES])
			: builder.withRules([...rules]);
	const { violations } = await builder.analyze();
	return violations
		.filter((violation) => COUNTED.has(violation.impact ?? ''))
		.map((violation) => ({
			id: violation.id,
			impact: violation.impact,
			nodes: violation.nodes.map((node) => node.target.join(' ')),
		}));
}

/**
 * Throws if `page` shows a frame from another origin: axe's legacy mode (see
 * {@link seriousViolations}) cannot reach into one, so its content would go unchecked.
 */
export function assertNoCrossOriginFrame(page: Page): void {
	const origin = new URL(page.url()).origin;
	const foreign = page
		.frames()
		.map((frame) => frame.url())
		// about:blank and about:srcdoc frames share their parent's origin.
		.filter((url) => url !== '' && !url.startsWith('about:') && new URL(url).origin !== origin);
	if (foreign.length > 0) {
		throw new Error(
			`${page.url()} shows a frame from another origin (${foreign.join(', ')}), which axe's ` +
				'legacy mode cannot analyse: check it with AxeBuilder’s default mode instead'
		);
	}
}
