import { expect, test } from 'vitest';
import { endpoint } from '../../../src/mock/contract/endpoints.ts';
import { ABUSE_LIMITS } from '../../../src/mock/contract/http.ts';
import { openApiDocument } from '../../../src/site/openapi/openApiDocument.ts';
import { factText } from '../../../src/site/facts.ts';

const description = String((openApiDocument()['info'] as { description: string }).description);

test('the reference and the document say that revoking an unknown or foreign id is 204', () => {
	expect(endpoint('revokeToken').summary).toMatch(/204 also for an unknown id or another account/);
	expect(description).toMatch(/Revoking an unknown token id, or another account’s, answers 204/);
});

test('lockout and rate limits are stated as absent, from the contract data', () => {
	expect(ABUSE_LIMITS).toEqual({ accountLockout: false, rateLimit: false });
	expect(description).toContain('No account is ever locked');
	expect(factText('limit.lockout')).toBe('never locks an account');
	expect(factText('limit.rate')).toBe('has no rate limit');
});
