import type { ExampleSources } from '../../site/ExampleSources.ts';
import { listRegions } from '../../site/regions/listRegions.ts';
import { RegionError } from '../../site/regions/RegionError.ts';
import type { PageScan } from './checkPageReferences.ts';
import { finding, type Finding } from './Finding.ts';
import { isCheckedExample } from './isCheckedExample.ts';

/**
 * Report every region of a (non-fixture) example that no page shows, and every example whose
 * region markers are malformed. A nested region counts only if a page names it itself.
 */
export function checkOrphanRegions(scan: PageScan, examples: ExampleSources): Finding[] {
	const shown = new Set(scan.references.map(({ file, region }) => `${file}#${region}`));
	const findings: Finding[] = [];
	for (const [file, source] of Object.entries(examples).sort(([a], [b]) => a.localeCompare(b))) {
		if (!isCheckedExample(file)) continue;
		const path = `examples/${file}`;
		try {
			for (const { name, startLine } of listRegions(source)) {
				if (shown.has(`${file}#${name}`)) continue;
				findings.push(
					finding(
						'orphan-region',
						path,
						startLine,
						`region "${name}" is not shown on any page; add <Example file="${file}" region="${name}" /> to a page or delete the region`
					)
				);
			}
		} catch (error) {
			if (!(error instanceof RegionError)) throw error;
			findings.push(finding('malformed-regions', path, error.line, error.detail));
		}
	}
	return findings;
}
