import { describe, expect, test } from 'vitest';
import { ExampleTagError } from '../../../src/verify/pages/ExampleTagError.ts';
import { findRunnableExamples } from '../../../src/verify/pages/findRunnableExamples.ts';

const lines = (...text: string[]) => text.join('\n');

describe('findRunnableExamples', () => {
	test('keeps tags with a bare run or run={true}, in order, and skips the others', () => {
		const page = lines(
			'<Example file="a.ts" region="one" run />',
			'<Example file="a.ts" region="two" />',
			'<Example',
			'  file="b.ts"',
			'  region="three"',
			'  run={true}',
			'/>',
			'<Example file="b.ts" region="four" run={false} />',
			'```mdx',
			'<Example file="c.ts" region="in-code" run />',
			'```',
			'<Example file="c.ts" region="five" run/>'
		);
		expect(findRunnableExamples(page)).toEqual([
			{ file: 'a.ts', region: 'one', line: 1 },
			{ file: 'b.ts', region: 'three', line: 3 },
			{ file: 'c.ts', region: 'five', line: 12 },
		]);
	});

	test.each([
		['a string', '<Example file="a.ts" region="r" run="yes" />', 'run="yes"'],
		['an expression', '<Example file="a.ts" region="r" run={isOn} />', 'run={isOn}'],
	])('refuses run given as %s', (_, page, written) => {
		expect(() => findRunnableExamples(page)).toThrowError(ExampleTagError);
		expect(() => findRunnableExamples(page)).toThrowError(`attribute ${written} must be written`);
	});

	test('refuses a page whose tags findExampleReferences refuses', () => {
		expect(() => findRunnableExamples('<Example file={x} region="r" run />')).toThrowError(
			'must be a string literal'
		);
	});
});
