/**
 * Names the code blocks that scroll sideways. Expressive Code makes such a `<pre>` focusable with
 * `role="region"` (so a keyboard can scroll it) but gives it no name, and two unnamed regions on a
 * page fail axe's `landmark-unique`. This names each one after its frame's title (or its
 * language), numbered where two would share a name, and only while it is a region.
 */
const LABEL = 'data-code-label';

function regionName(pre: HTMLElement, index: number): string {
	const figure = pre.closest('figure');
	const title = figure?.querySelector('figcaption .title')?.textContent?.trim();
	const language = pre.dataset['language'];
	return `Code ${index + 1}: ${title || language || 'example'}`;
}

function labelRegion(pre: HTMLElement): void {
	if (pre.getAttribute('role') === 'region') {
		const all = [...document.querySelectorAll<HTMLElement>('.expressive-code pre')];
		pre.setAttribute('aria-label', regionName(pre, all.indexOf(pre)));
		pre.setAttribute(LABEL, '');
	} else if (pre.hasAttribute(LABEL)) {
		pre.removeAttribute('aria-label');
		pre.removeAttribute(LABEL);
	}
}

new MutationObserver((records) => {
	for (const record of records) {
		if (record.target instanceof HTMLElement && record.target.matches('.expressive-code pre')) {
			labelRegion(record.target);
		}
	}
}).observe(document.documentElement, { subtree: true, attributeFilter: ['role'] });
