import { describe, expect, test } from 'vitest';
import {
	dedent,
	extractRegion,
	listRegions,
	parseMarker,
	RegionError,
	stripRegionMarkers,
} from '../../src/site/regions.ts';

describe('parseMarker', () => {
	test.each([
		{ text: '// #region ensure-valid', expected: { kind: 'region', name: 'ensure-valid' } },
		{
			text: '\t\t//   #endregion ensure-valid  ',
			expected: { kind: 'endregion', name: 'ensure-valid' },
		},
		{ text: '//#region v1.step_2', expected: { kind: 'region', name: 'v1.step_2' } },
		{ text: 'const a = 1; // #region a', expected: undefined },
		{ text: '/* #region a */', expected: undefined },
		{ text: '// region a', expected: undefined },
		{ text: '// #regional', expected: undefined },
		// A `#`-comment file (nginx) marks its regions with `# #region`.
		{ text: '    # #region upstream', expected: { kind: 'region', name: 'upstream' } },
		{ text: '#  #endregion upstream', expected: { kind: 'endregion', name: 'upstream' } },
		{ text: 'proxy_pass x; # #region a', expected: undefined },
		{ text: '# region a', expected: undefined },
		// Python: the same markers behind its own comment sign.
		{ text: 'x = 1  # #region a', expected: undefined },
		{ text: '#region a', expected: undefined },
	])('parses "$text"', ({ text, expected }) => {
		expect(parseMarker(text, 1)).toEqual(expected);
	});

	test.each([
		'// #region',
		'// #endregion   ',
		'// #region a b',
		'// #region -a',
		'// #region-a',
		'# #region',
		'# #region a b',
	])('rejects "%s"', (text) => {
		expect(() => parseMarker(text, 7)).toThrowError(RegionError);
		expect(() => parseMarker(text, 7)).toThrowError(/^line 7: /);
	});
});

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

describe('dedent', () => {
	test.each([
		{ name: 'no lines', input: [], expected: [] },
		{ name: 'nothing to remove', input: ['a', '  b'], expected: ['a', '  b'] },
		{ name: 'common spaces', input: ['  a', '    b'], expected: ['a', '  b'] },
		{ name: 'blank lines do not count', input: ['\ta', '', '\t\tb'], expected: ['a', '', '\tb'] },
		{
			name: 'whitespace-only lines become empty',
			input: ['  a', ' ', '  b'],
			expected: ['a', '', 'b'],
		},
		// A tab and two spaces share no prefix, so nothing is removed.
		{ name: 'mixed tabs and spaces', input: ['\ta', '  b'], expected: ['\ta', '  b'] },
		{ name: 'only blank lines', input: ['  ', ''], expected: ['', ''] },
	])('$name', ({ input, expected }) => {
		expect(dedent(input)).toEqual(expected);
	});
});

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
		{
			name: 'an unclosed Python region, naming the Python end marker',
			source: lines('# #region r', 'a()', '# #endregion r', '    # #region s'),
			region: 'r',
			message: 'line 4: region "s" is never closed (expected "# #endregion s")',
		},
	])('throws a RegionError for $name', ({ source, region, message }) => {
		expect(() => extractRegion(source, region)).toThrowError(RegionError);
		expect(() => extractRegion(source, region)).toThrowError(message);
	});
});

describe('Python regions', () => {
	test('are extracted like TypeScript ones, markers and common indentation removed', () => {
		const source = lines(
			'class A:',
			'    # #region method',
			'    def f(self) -> int:',
			'        # #region body',
			'        return 1',
			'        # #endregion body',
			'    # #endregion method'
		);
		expect(listRegions(source).map((region) => region.name)).toEqual(['method', 'body']);
		expect(extractRegion(source, 'method')).toBe(lines('def f(self) -> int:', '    return 1'));
	});
});

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
