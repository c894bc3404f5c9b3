import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { expect, test } from 'vitest';
import { JwksResponse } from '../../../../src/mock/contract/schemas.ts';
import { call, issuePair } from '../../../support/http.ts';
import { useMockApi } from '../../../support/useMockApi.ts';

const api = useMockApi();

test('GET /3rdparty/v1/auth/jwks publishes the ES256 key that verifies access tokens', async () => {
	const result = await call('GET', '/3rdparty/v1/auth/jwks');
	expect(result.status).toBe(200);
	expect(JwksResponse.safeParse(result.body).success).toBe(true);
	expect(JSON.stringify(result.body)).not.toMatch(/"d"/);

	const pair = await issuePair();
	const header = decodeProtectedHeader(pair.access_token);
	expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: result.body.keys[0].kid });
	const { payload } = await jwtVerify(pair.access_token, createLocalJWKSet(result.body), {
		algorithms: ['ES256'],
		issuer: api.issuer,
		currentDate: new Date(api.clock.now()),
	});
	expect(payload.jti).toBe(pair.id);
});
