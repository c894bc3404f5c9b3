import { describe, expect, test } from 'vitest';
import { extractRegion } from '../../../src/site/regions/extractRegion.ts';
import { RegionError } from '../../../src/site/regions/RegionError.ts';

const lines = (...text: string[]) => text.join('\n');

const nested = lines(
	'import { x } from "./x.ts";',
	'',
	'// #region outer',
	'export function f() {',
	'\t// #region inner',
	'\tx();',
	'\t// #endregion inner',
	'\treturn 1;',
	'}',
	'// #endregion outer'
);

describe('extractRegion', () => {
	test.each([
		{
			name: 'a simple region',
			source: lines('a();', '// #region r', 'b();', 'c();', '// #endregion r', 'd();'),
			region: 'r',
			expected: lines('b();', 'c();'),
		},
		{
			name: 'an outer region without the inner markers',
			source: nested,
			region: 'outer',
			expected: lines('export function f() {', '\tx();', '\treturn 1;', '}'),
		},
		{
			name: 'an inner region, dedented',
			source: nested,
			region: 'inner',
			expected: 'x();',
		},
		{
			name: 'common indentation only (relative indentation kept)',
			source: lines('// #region r', '    if (a) {', '      b();', '    }', '// #endregion r'),
			region: 'r',
			expected: lines('if (a) {', '  b();', '}'),
		},
		{
			name: 'tab indentation',
			source: lines('\t// #region r', '\t\tif (a) {', '\t\t\tb();', '\t\t}', '\t// #endregion r'),
			region: 'r',
			expected: lines('if (a) {', '\tb();', '}'),
		},
		{
			name: 'blank lines trimmed at both ends but kept inside',
			source: lines('// #region r', '', '  ', 'a();', '', 'b();', '\t', '// #endregion r'),
			region: 'r',
			expected: lines('a();', '', 'b();'),
		},
		{
			name: 'whitespace-only inner lines emptied and ignored for indentation',
			source: lines('// #region r', '\ta();', '', ' ', '\tb();', '// #endregion r'),
			region: 'r',
			expected: lines('a();', '', '', 'b();'),
		},
		{
			name: 'CRLF source gives LF output',
			source: '// #region r\r\n\ta();\r\n\tb();\r\n// #endregion r\r\n',
			region: 'r',
			expected: lines('a();', 'b();'),
		},
	])('extracts $name', ({ source, region, expected }) => {
		expect(extractRegion(source, region)).toBe(expected);
	});

	test.each([
		{
			name: 'a missing region, listing the existing ones',
			source: nested,
			region: 'nope',
			message: 'region "nope" not found; regions in the file: outer, inner',
		},
		{
			name: 'a missing region in a file without regions',
			source: 'a();',
			region: 'nope',
			message: 'region "nope" not found; the file has no regions',
		},
		{
			name: 'an empty region',
			source: lines('// #region r', '', '// #endregion r'),
			region: 'r',
			message: 'line 1: region "r" is empty',
		},
		{
			name: 'a region made only of nested markers',
			source: lines('// #region r', '// #region s', '// #endregion s', '// #endregion r'),
			region: 'r',
			message: 'line 1: region "r" is empty',
		},
		{
			name: 'a malformed marker elsewhere in the file',
			source: lines('// #region r', 'a();', '// #endregion r', '// #region s'),
			region: 'r',
			message: 'line 4: region "s" is never closed (expected "// #endregion s")',
		},
	])('throws a RegionError for $name', ({ source, region, message }) => {
		expect(() => extractRegion(source, region)).toThrowError(RegionError);
		expect(() => extractRegion(source, region)).toThrowError(message);
	});
});
