import { describe, expect, test } from 'vitest';
import { listRegions } from '../../../src/site/regions/listRegions.ts';
import { RegionError } from '../../../src/site/regions/RegionError.ts';

const lines = (...text: string[]) => text.join('\n');

describe('listRegions', () => {
	test.each([
		// No markers at all.
		{ name: 'no regions', source: lines('const a = 1;'), expected: [] },
		// One region; lines point at the two marker lines.
		{
			name: 'one region',
			source: lines('// header', '// #region a', 'x();', '// #endregion a'),
			expected: [{ name: 'a', startLine: 2, endLine: 4 }],
		},
		// Sorted by start line even though the inner region closes first.
		{
			name: 'nested regions',
			source: lines(
				'// #region outer',
				'// #region inner',
				'x();',
				'// #endregion inner',
				'// #endregion outer'
			),
			expected: [
				{ name: 'outer', startLine: 1, endLine: 5 },
				{ name: 'inner', startLine: 2, endLine: 4 },
			],
		},
		// Indented markers, no space after //, and CRLF endings all count.
		{
			name: 'indented, tight and CRLF markers',
			source: '\t//#region a\r\n\tx();\r\n\t// #endregion a\r\n',
			expected: [{ name: 'a', startLine: 1, endLine: 3 }],
		},
		// "#regional" is not a marker (word boundary).
		{ name: 'look-alike text', source: lines('// #regional sales', 'x();'), expected: [] },
	])('$name', ({ source, expected }) => {
		expect(listRegions(source)).toEqual(expected);
	});

	test.each([
		{
			name: 'mismatched endregion name',
			source: lines('// #region a', 'x();', '// #endregion b'),
			line: 3,
			message: /#endregion "b" does not match the open region "a" \(opened at line 1\)/,
		},
		{
			name: 'crossed regions',
			source: lines('// #region a', '// #region b', '// #endregion a', '// #endregion b'),
			line: 3,
			message: /#endregion "a" does not match the open region "b"/,
		},
		{
			name: 'unclosed region',
			source: lines('x();', '// #region a', 'y();'),
			line: 2,
			message: /region "a" is never closed/,
		},
		{
			name: 'stray endregion',
			source: lines('x();', '// #endregion a'),
			line: 2,
			message: /#endregion "a" has no matching #region/,
		},
		{
			name: 'duplicate region',
			source: lines('// #region a', '// #endregion a', '// #region a', '// #endregion a'),
			line: 3,
			message: /duplicate region "a" \(first defined at line 1\)/,
		},
		{
			name: 'nested region with the same name',
			source: lines('// #region a', '  // #region a', '  // #endregion a', '// #endregion a'),
			line: 2,
			message: /region "a" is nested inside a region of the same name \(opened at line 1\)/,
		},
		{
			name: 'region without a name',
			source: lines('// #region', '// #endregion'),
			line: 1,
			message: /#region needs a name/,
		},
		{
			name: 'endregion without a name',
			source: lines('// #region a', '// #endregion'),
			line: 2,
			message: /#endregion needs a name/,
		},
		{
			name: 'name with spaces',
			source: lines('// #region a b', '// #endregion a b'),
			line: 1,
			message: /name "a b" must be one word/,
		},
		{
			name: 'error after CRLF lines',
			source: '// #region a\r\nx();\r\n// #endregion b\r\n',
			line: 3,
			message: /does not match/,
		},
	])('rejects $name with its line number', ({ source, line, message }) => {
		const error = catchError(() => listRegions(source));
		expect(error).toBeInstanceOf(RegionError);
		expect(error).toMatchObject({ line, message: expect.stringMatching(message) });
		expect((error as RegionError).message).toMatch(new RegExp(`^line ${line}: `));
	});
});

function catchError(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected an error');
}
