import { describe, expect, test } from 'vitest';
import { SERVICE_TOKEN_CAPS, serviceTokenCap } from '../../../src/mock/contract/lifetimes.ts';
import { CONCRETE_SCOPES, REQUESTABLE_SCOPES } from '../../../src/mock/contract/scopes.ts';

const DAY = 86_400;

describe('service token lifetime caps', () => {
	test('every requestable scope has a cap, and only those', () => {
		expect(Object.keys(SERVICE_TOKEN_CAPS).sort()).toEqual([...REQUESTABLE_SCOPES].sort());
	});

	test("the contract's figures: messages:send 30 days, settings:write 7 days", () => {
		expect(SERVICE_TOKEN_CAPS['messages:send']).toBe(30 * DAY);
		expect(SERVICE_TOKEN_CAPS['settings:write']).toBe(7 * DAY);
	});

	test('write-like and admin scopes are capped shorter than every read-only scope', () => {
		const readOnly = CONCRETE_SCOPES.filter((scope) => /:(read|list)$/.test(scope));
		const powerful = CONCRETE_SCOPES.filter((scope) => !readOnly.includes(scope));
		const shortestRead = Math.min(...readOnly.map((scope) => SERVICE_TOKEN_CAPS[scope]));
		for (const scope of powerful) expect(SERVICE_TOKEN_CAPS[scope]).toBeLessThan(shortestRead);
		expect(SERVICE_TOKEN_CAPS['tokens:manage']).toBe(
			Math.min(...CONCRETE_SCOPES.map((scope) => SERVICE_TOKEN_CAPS[scope]))
		);
	});

	test('all:any covers everything, so it gets the smallest cap', () => {
		expect(SERVICE_TOKEN_CAPS['all:any']).toBe(Math.min(...Object.values(SERVICE_TOKEN_CAPS)));
	});

	test('no cap outlives a login family, nor what the token verifier accepts (a year)', () => {
		for (const cap of Object.values(SERVICE_TOKEN_CAPS)) expect(cap).toBeLessThanOrEqual(90 * DAY);
	});

	test.each([
		{ scopes: ['messages:read'], cap: 90 * DAY },
		{ scopes: ['messages:read', 'messages:send'], cap: 30 * DAY },
		{ scopes: ['messages:send', 'settings:write', 'logs:read'], cap: 7 * DAY },
		{ scopes: ['all:any', 'messages:read'], cap: 1 * DAY },
		// Defensive: nothing unknown or empty ever gets more than the strictest cap.
		{ scopes: ['messages:fly'], cap: 1 * DAY },
		{ scopes: [], cap: 1 * DAY },
	])('serviceTokenCap($scopes) = $cap', ({ scopes, cap }) => {
		expect(serviceTokenCap(scopes)).toBe(cap);
	});
});
