import { describe, expect, test } from 'vitest';
import { scanExampleTags } from '../../../src/verify/pages/scanExampleTags.ts';

const lines = (...text: string[]) => text.join('\n');

describe('scanExampleTags', () => {
	test('keeps going after a bad tag, collecting every error and every good reference', () => {
		const scan = scanExampleTags(
			lines(
				"import Snippet from '../../lib/Example.astro';",
				'<Example file={a} region="r" />',
				'<Example file="ok.ts" region="fine" />',
				'<Example file="b.ts" />',
				'<Example file="last.ts" region="also-fine" />'
			)
		);
		expect(scan.references).toEqual([
			{ file: 'ok.ts', region: 'fine', line: 3 },
			{ file: 'last.ts', region: 'also-fine', line: 5 },
		]);
		expect(scan.errors.map((error) => [error.line, error.detail])).toEqual([
			[1, expect.stringContaining('must be imported as "Example"')],
			[2, expect.stringContaining('file={a} must be a string literal')],
			[4, expect.stringContaining('missing the region="region-name" attribute')],
		]);
	});

	test('reports nothing for a page without examples', () => {
		expect(scanExampleTags('# Title')).toEqual({ references: [], errors: [] });
	});
});
