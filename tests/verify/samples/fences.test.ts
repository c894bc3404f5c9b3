import { describe, expect, test } from 'vitest';
import { readCurlFenceSpec, DEFAULT_FENCE_SCOPES } from '../../../src/verify/samples/CurlFenceSpec.ts';
import { findFences } from '../../../src/verify/samples/findFences.ts';
import { parseFenceMeta } from '../../../src/verify/samples/parseFenceMeta.ts';
import { callsCurl } from '../../../src/verify/samples/shellFences.ts';
import { stripJsonComments } from '../../../src/verify/samples/stripJsonComments.ts';
import { substitutePlaceholders } from '../../../src/verify/samples/substitutePlaceholders.ts';

describe('findFences', () => {
	test('finds fences with language, meta, code and line; skips front matter', () => {
		const page = [
			'---',
			'title: x',
			'---',
			'',
			'```sh status=201',
			'curl x',
			'```',
			'',
			'~~~json',
			'{}',
			'~~~',
		].join('\n');
		expect(findFences(page)).toEqual([
			{ lang: 'sh', meta: 'status=201', code: 'curl x', line: 5 },
			{ lang: 'json', meta: '', code: '{}', line: 9 },
		]);
	});

	test('removes the indentation of a fence inside a component', () => {
		expect(findFences('<Tabs>\n  ```sh\n  curl a\n    b\n  ```\n</Tabs>')).toEqual([
			{ lang: 'sh', meta: '', code: 'curl a\n  b', line: 2 },
		]);
	});

	test('a longer fence holds a shorter one; an unclosed fence runs to the end', () => {
		expect(findFences('````md\n```sh\ncurl\n```\n````\n```json\n{')).toEqual([
			{ lang: 'md', meta: '', code: '```sh\ncurl\n```', line: 1 },
			{ lang: 'json', meta: '', code: '{', line: 6 },
		]);
	});

	test('inline code with three backticks is not a fence', () => {
		expect(findFences('``` `x` ```\ntext')).toEqual([]);
	});
});

describe('parseFenceMeta', () => {
	test('reads key=value in every quoting, keys case-insensitive, EC options untouched', () => {
		const meta = parseFenceMeta(`title="a b=c" Status=201,401 scopes='x y' {2-3} /re/ wrap`);
		expect(Object.fromEntries(meta)).toEqual({ title: 'a b=c', status: '201,401', scopes: 'x y' });
	});
});

describe('readCurlFenceSpec', () => {
	test('reads one status or a list, and scopes', () => {
		expect(readCurlFenceSpec('status=201')).toEqual({
			ok: true,
			spec: { statuses: [201], scopes: [...DEFAULT_FENCE_SCOPES] },
		});
		expect(readCurlFenceSpec('status="201 401" scopes=messages:send,messages:read')).toEqual({
			ok: true,
			spec: { statuses: [201, 401], scopes: ['messages:send', 'messages:read'] },
		});
	});

	test.each([
		['', /declares no status/],
		['status=', /not a list of HTTP status codes/],
		['status=20', /not a list of HTTP status codes/],
		['status=201,abc', /not a list of HTTP status codes/],
		['status=201 scopes=tokens:refresh', /unknown scope "tokens:refresh"/],
	])('refuses %j', (meta, problem) => {
		const result = readCurlFenceSpec(meta);
		expect(result.ok ? '' : result.problem).toMatch(problem);
	});
});

describe('callsCurl', () => {
	const fence = (code: string) => ({ lang: 'sh', meta: '', code, line: 1 });
	test.each(['curl -s x', 'TOKEN=$(curl -s x)', 'echo | curl -d @- x', '  curl\\'])(
		'%j calls curl',
		(code) => {
			expect(callsCurl(fence(code))).toBe(true);
		}
	);
	test.each(['# curl is optional', 'npm run mock-api', 'echo curly', 'libcurl-dev'])(
		'%j does not',
		(code) => {
			expect(callsCurl(fence(code))).toBe(false);
		}
	);
});

describe('substitutePlaceholders', () => {
	test('replaces every occurrence and reports placeholders left over', () => {
		expect(
			substitutePlaceholders(
				'<API_BASE_URL>/x <ACCESS_TOKEN> <ACCESS_TOKEN> <MESSAGE_ID> <REFRESH_TOKEN>',
				{
					'<API_BASE_URL>': 'http://h',
					'<ACCESS_TOKEN>': 't',
				}
			)
		).toEqual({
			text: 'http://h/x t t <MESSAGE_ID> <REFRESH_TOKEN>',
			unresolved: ['<MESSAGE_ID>', '<REFRESH_TOKEN>'],
		});
	});
});

describe('stripJsonComments', () => {
	test('blanks comments outside strings and keeps lines', () => {
		const text = '{\n  // c\n  "a": "//not", /* x\n y */ "b": "\\"/*"\n}';
		const stripped = stripJsonComments(text);
		expect(JSON.parse(stripped)).toEqual({ a: '//not', b: '"/*' });
		expect(stripped.split('\n')).toHaveLength(text.split('\n').length);
	});
});
