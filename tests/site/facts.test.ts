import { describe, expect, test } from 'vitest';
import { API_ERRORS } from '../../src/mock/contract/errors.ts';
import { LIFETIMES, SERVICE_TOKEN_CAPS } from '../../src/mock/contract/lifetimes.ts';
import { FACTS, factMarkdown, factText, formatFact } from '../../src/site/facts.ts';

describe('formatFact', () => {
	test('says a duration the ways a sentence needs', () => {
		expect(factText('access.lifetime')).toBe('15 minutes');
		expect(factText('access.lifetime', 'adjective')).toBe('15-minute');
		expect(factText('access.lifetime', 's')).toBe('900 s');
		expect(factText('access.lifetime', 'seconds')).toBe('900 seconds');
		expect(factText('access.lifetime', 'number')).toBe('900');
		expect(factText('access.lifetime', 'short')).toBe('15 min');
		expect(factText('refresh.lifetime')).toBe('30 days');
		expect(factText('refresh.lifetime', 's')).toBe('2,592,000 s');
		expect(factText('family.lifetime', 'adjective')).toBe('90-day');
		expect(factText('cap.tokens:manage')).toBe('1 day');
		expect(factText('overlap.default')).toBe('0 seconds');
		expect(factText('tokenManager.timeout', 'ms')).toBe('10,000 ms');
	});

	test('reads every value from the contract data', () => {
		expect(FACTS['access.lifetime']).toMatchObject({ seconds: LIFETIMES.accessToken });
		expect(FACTS['family.lifetime']).toMatchObject({ seconds: LIFETIMES.family });
		expect(FACTS['cap.messages:send']).toMatchObject({
			seconds: SERVICE_TOKEN_CAPS['messages:send'],
		});
	});

	test('marks code, with reason phrases and filled error messages', () => {
		expect(formatFact('status.issueTokenPair')).toEqual({ text: '201 Created', code: true });
		expect(factMarkdown('status.login', 'number')).toBe('200');
		expect(factMarkdown('error.unauthorized', 'long')).toBe('`401 Unauthorized`');
		expect(factMarkdown('error.scopeRequired')).toBe('`scope required: <scope>`');
		expect(factMarkdown('error.scopeRequired', 'answer', { scope: 'tokens:refresh' })).toBe(
			'`403 scope required: tokens:refresh`'
		);
		expect(factMarkdown('header.csrf')).toBe('`X-CSRF: 1`');
		expect(factMarkdown('cookie.maxAge', 'maxAge')).toBe('`Max-Age=2592000`');
		expect(factMarkdown('scopes.notInSessions', 'and')).toBe('`all:any` and `tokens:manage`');
		expect(factText('limit.body')).toBe('64 KiB');
	});

	test('refuses an unknown name or format, naming what exists', () => {
		expect(() => formatFact('access.lifetme')).toThrow('did you mean "access.lifetime"');
		expect(() => formatFact('access.lifetime', 'weeks')).toThrow('has no format "weeks"');
	});
});

test('an error fact says the stable id its body carries, from the catalogue', () => {
	expect(factText('error.ttlTooLong', 'id')).toBe(API_ERRORS.ttlTooLong.error);
	expect(factText('error.unauthorized', 'id')).toBe('unauthorized');
});
