import { describe, expect, test } from 'vitest';
import { findDriftedSamples } from '../../../src/verify/samples/recordSamples.ts';
import { readReferences } from '../../../src/verify/checks/readReferences.ts';
import { readPage } from '../../../src/verify/pages/readPage.ts';
import {
	resolveSample,
	type SampleFile,
	sampleTitle,
} from '../../../src/site/samples/resolveSample.ts';

const sample: SampleFile = {
	$comment: '',
	endpoint: 'issueTokenPair',
	method: 'POST',
	path: '/3rdparty/v1/auth/token',
	status: 201,
	schema: 'TokenPairResponse',
	body: { id: '<TOKEN_ID>' },
};

describe('sampleTitle', () => {
	test('is the status with its reason and the request line, parameters in braces', () => {
		expect(sampleTitle(sample)).toBe('201 Created — POST /3rdparty/v1/auth/token');
		expect(sampleTitle({ status: 200, method: 'GET', path: '/3rdparty/v1/messages/:id' })).toBe(
			'200 OK — GET /3rdparty/v1/messages/{id}'
		);
	});
});

describe('resolveSample', () => {
	test('finds a sample by name', () => {
		expect(resolveSample('token-pair', { 'token-pair': sample }, 'p.mdx')).toBe(sample);
	});

	test('fails with the page, the likely typo and what exists', () => {
		expect(() => resolveSample('token-pairs', { 'token-pair': sample }, 'p.mdx')).toThrow(
			'<Sample name="token-pairs" /> on page p.mdx: no sample src/samples/token-pairs.json (did you mean "token-pair"?)'
		);
		expect(() => resolveSample('constructor', {}, 'p.mdx')).toThrow(/no sample/);
	});
});

describe('<Sample> references in the page model', () => {
	test('finds literal names outside code, and flags the rest', () => {
		const page = [
			'<Sample name="token-pair" />',
			'`<Sample name="in-code" />`',
			'```mdx',
			'<Sample name="in-fence" />',
			'```',
			'<Sample name={dynamic} />',
			'<Sample />',
		].join('\n');
		const { samples, problems } = readReferences(readPage('p.mdx', page));
		expect(samples.map(({ line, name }) => ({ line, name }))).toEqual([
			{ line: 1, name: 'token-pair' },
		]);
		expect(problems).toEqual([
			{ line: 6, detail: '<Sample> needs a literal name="…" attribute', code: 'reference' },
			{ line: 7, detail: '<Sample> needs a literal name="…" attribute', code: 'reference' },
		]);
	});
});

describe('findDriftedSamples', () => {
	const fresh = new Map<string, unknown>([
		['a', { body: 1 }],
		['b', { body: 2 }],
	]);

	test('formatting is not drift', () => {
		const committed = new Map([
			['a', '{ "body": 1 }'],
			['b', '{\n\t"body": 2\n}\n'],
		]);
		expect(findDriftedSamples(committed, fresh)).toEqual([]);
	});

	test('an edited, missing, extra or broken sample is drift', () => {
		const committed = new Map([
			['a', '{ "body": 9 }'],
			['c', '{}'],
			['d', '{'],
		]);
		expect(findDriftedSamples(committed, fresh)).toEqual(['a', 'b', 'c', 'd']);
	});
});
