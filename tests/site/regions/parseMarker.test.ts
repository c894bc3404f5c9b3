import { describe, expect, test } from 'vitest';
import { parseMarker } from '../../../src/site/regions/parseMarker.ts';
import { RegionError } from '../../../src/site/regions/RegionError.ts';

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
	])('parses "$text"', ({ text, expected }) => {
		expect(parseMarker(text, 1)).toEqual(expected);
	});

	test.each(['// #region', '// #endregion   ', '// #region a b', '// #region -a', '// #region-a'])(
		'rejects "%s"',
		(text) => {
			expect(() => parseMarker(text, 7)).toThrowError(RegionError);
			expect(() => parseMarker(text, 7)).toThrowError(/^line 7: /);
		}
	);
});
