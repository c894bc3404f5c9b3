import { describe, expect, test } from 'vitest';
import { readServerConfig } from '../../../../src/mock/transports/http/readServerConfig.ts';

describe('readServerConfig', () => {
	test('an empty environment gives the documented defaults', () => {
		expect(readServerConfig({})).toEqual({
			ok: true,
			config: {
				port: 8787,
				username: 'demo',
				password: 'demo-password',
				other: null,
				reusePolicy: 'reject',
				overlapSeconds: 0,
			},
		});
	});

	test('empty variables count as unset', () => {
		expect(readServerConfig({ PORT: '', MOCK_REUSE_POLICY: '' })).toMatchObject({
			ok: true,
			config: { port: 8787, reusePolicy: 'reject' },
		});
	});

	test('reads every variable', () => {
		expect(
			readServerConfig({
				PORT: '0',
				MOCK_USERNAME: 'ada',
				MOCK_PASSWORD: 'pw with spaces',
				MOCK_OTHER_USERNAME: 'grace',
				MOCK_OTHER_PASSWORD: 'hopper',
				MOCK_REUSE_POLICY: 'revoke-family',
				MOCK_OVERLAP_SECONDS: '30',
			})
		).toEqual({
			ok: true,
			config: {
				port: 0,
				username: 'ada',
				password: 'pw with spaces',
				other: { username: 'grace', password: 'hopper' },
				reusePolicy: 'revoke-family',
				overlapSeconds: 30,
			},
		});
	});

	test.each([
		[
			{ MOCK_OTHER_USERNAME: 'grace' },
			'MOCK_OTHER_USERNAME and MOCK_OTHER_PASSWORD must be set together',
		],
		[
			{ MOCK_OTHER_PASSWORD: 'hopper' },
			'MOCK_OTHER_USERNAME and MOCK_OTHER_PASSWORD must be set together',
		],
		[
			{ MOCK_OTHER_USERNAME: 'demo', MOCK_OTHER_PASSWORD: 'x' },
			'MOCK_OTHER_USERNAME must differ from MOCK_USERNAME ("demo")',
		],
		[
			{ MOCK_OTHER_USERNAME: 'a:b', MOCK_OTHER_PASSWORD: 'x' },
			'MOCK_OTHER_USERNAME must not contain ":" or control characters (Basic credentials are "username:password")',
		],
		[
			{ MOCK_REUSE_POLICY: 'revoke' },
			'MOCK_REUSE_POLICY must be reject or revoke-family, not "revoke"',
		],
		[
			{ MOCK_REUSE_POLICY: 'REJECT' },
			'MOCK_REUSE_POLICY must be reject or revoke-family, not "REJECT"',
		],
		[{ PORT: 'http' }, 'PORT must be a port number from 0 to 65535, not "http"'],
		[{ PORT: '70000' }, 'PORT must be a port number from 0 to 65535, not "70000"'],
		[{ PORT: '-1' }, 'PORT must be a port number from 0 to 65535, not "-1"'],
		[
			{ MOCK_OVERLAP_SECONDS: '1.5' },
			'MOCK_OVERLAP_SECONDS must be a whole number of seconds from 0 to 86400, not "1.5"',
		],
		[
			{ MOCK_OVERLAP_SECONDS: '99999' },
			'MOCK_OVERLAP_SECONDS must be a whole number of seconds from 0 to 86400, not "99999"',
		],
		[
			{ MOCK_USERNAME: 'a:b' },
			'MOCK_USERNAME must not contain ":" or control characters (Basic credentials are "username:password")',
		],
		[{ MOCK_PASSWORD: 'a\nb' }, 'MOCK_PASSWORD must not contain control characters'],
	])('refuses %o', (env, problem) => {
		expect(readServerConfig(env)).toEqual({ ok: false, problems: [problem] });
	});

	test('reports every problem at once', () => {
		const result = readServerConfig({ PORT: 'x', MOCK_REUSE_POLICY: 'y' });
		expect(result.ok ? [] : result.problems).toHaveLength(2);
	});
});
