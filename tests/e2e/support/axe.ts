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
	// Only violations are read: axe then skips recording every passing node.
	let builder = new AxeBuilder({ page }).options({
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
