import { describe, expect, test } from 'vitest';
import { RegionError } from '../../../src/site/regions/RegionError.ts';
import { stripRegionMarkers } from '../../../src/site/regions/stripRegionMarkers.ts';

const lines = (...text: string[]) => text.join('\n');

describe('stripRegionMarkers', () => {
	test.each([
		{
			name: 'a file without markers',
			source: lines('a();', 'b();', ''),
			expected: lines('a();', 'b();'),
		},
		{
			name: 'nested markers, keeping indentation',
			source: lines(
				'// #region a',
				'function f() {',
				'\t// #region b',
				'\tx();',
				'\t// #endregion b',
				'}',
				'// #endregion a',
				''
			),
			expected: lines('function f() {', '\tx();', '}'),
		},
		{
			name: 'blank lines left at the ends by removed markers',
			source: lines('', '// #region a', '', 'a();', '', '// #endregion a', '', ''),
			expected: 'a();',
		},
		{
			name: 'CRLF',
			source: '// #region a\r\na();\r\n// #endregion a\r\nb();\r\n',
			expected: lines('a();', 'b();'),
		},
	])('strips $name', ({ source, expected }) => {
		expect(stripRegionMarkers(source)).toBe(expected);
	});

	test('rejects malformed markers', () => {
		expect(() => stripRegionMarkers(lines('// #region a', 'a();'))).toThrowError(RegionError);
	});
});
