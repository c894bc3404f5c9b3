import { describe, expect, test } from 'vitest';
import { fenceOptions } from '../../../src/verify/pages/fenceOptions.ts';
import {
	callsCurl,
	outputTail,
	readCurlFenceSpec,
} from '../../../src/verify/samples/checkCurlFence.ts';
import { substitutePlaceholders } from '../../../src/verify/samples/substitutePlaceholders.ts';

describe('readCurlFenceSpec', () => {
	test('reads one status or a list', () => {
		expect(readCurlFenceSpec(fenceOptions('status=201'))).toEqual({
			ok: true,
			spec: { statuses: [201] },
		});
		expect(readCurlFenceSpec(fenceOptions('status="201 401"'))).toEqual({
			ok: true,
			spec: { statuses: [201, 401] },
		});
	});

	test.each([
		['', /declares no status/],
		['status=', /not a list of HTTP status codes/],
		['status=20', /not a list of HTTP status codes/],
		['status=201,abc', /not a list of HTTP status codes/],
		// A fence asks for its own tokens, with the scopes it needs, as a reader's terminal does.
		['status=201 scopes=messages:send', /scopes= is not read any more/],
	])('refuses %j', (meta, problem) => {
		const result = readCurlFenceSpec(fenceOptions(meta));
		expect(result.ok ? '' : result.problem).toMatch(problem);
	});
});

describe('callsCurl', () => {
	const fence = (code: string) => ({ code });
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

describe('outputTail', () => {
	test('redacts every JWT of a failed fence before it reaches CI logs, truncated ones too', () => {
		const b64 = (text: string) => btoa(text).replaceAll('=', '');
		const token = `${b64('{"alg":"ES256"}')}.${b64('{"type":"access","sub":"x"}')}.c2lnbmF0dXJl`;
		const cut = token.slice(0, 30);
		const output = `{"access_token":"${token}"}\nAuthorization: Bearer ${cut}`;
		const tail = outputTail(output);
		expect(tail).toBe('{"access_token":"<redacted JWT>"}\nAuthorization: Bearer <redacted JWT>');
	});

	test('keeps the last 2000 characters', () => {
		expect(outputTail('x'.repeat(2500))).toBe(`…${'x'.repeat(2000)}`);
	});
});
