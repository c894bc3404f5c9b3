/**
 * Behaviours the "Verifying tokens" page claims that no single example test covers.
 */
import {
	createLocalJWKSet,
	errors,
	exportJWK,
	generateKeyPair,
	type JWK,
	jwtVerify,
	type JWTVerifyGetKey,
	SignJWT,
} from 'jose';
import { describe, expect, test } from 'vitest';
import {
	publishedKeySet,
	verifyAccessToken,
} from '../../examples/verifying/verify-access-token.ts';
import { LIFETIMES, SERVICE_TOKEN_CAPS } from '../../src/mock/contract/lifetimes.ts';
import { advance, useFakeDate } from '../support/fakeDate.ts';
import { payloadOf, unsignedToken } from '../support/forge.ts';
import { basic, bearer, call, issuePair } from '../support/http.ts';
import { BASE_URL, useMockApi } from '../support/useMockApi.ts';

const api = useMockApi();
// The example verifies on the reader's clock; here that is the test's, like the mock's.
useFakeDate();

test('a revoked access token still verifies by signature, while the API itself refuses it', async () => {
	const pair = await issuePair(['messages:read']);
	await call('DELETE', `/3rdparty/v1/auth/token/${pair.id}`, { authorization: basic() });

	const byApi = await call('GET', '/3rdparty/v1/messages/x', {
		authorization: bearer(pair.access_token),
	});
	expect(byApi.status).toBe(401);
	await expect(
		verifyAccessToken(pair.access_token, publishedKeySet(BASE_URL), api.issuer)
	).resolves.toMatchObject({
		jti: pair.id,
	});
});

test('a revoked service token is an access token too: it verifies for weeks, far past a pair’s lifetime', async () => {
	const created = await call('POST', '/3rdparty/v1/service-tokens', {
		authorization: basic(),
		json: { name: 'nightly-report', scopes: ['messages:read'] },
	});
	expect(created.status).toBe(201);
	const { id, token } = created.body as { id: string; token: string };
	const revoked = await call('DELETE', `/3rdparty/v1/auth/token/${id}`, { authorization: basic() });
	expect(revoked.status).toBe(204);

	// Well past any pair's access token, well inside the service token's cap.
	advance(LIFETIMES.accessToken * 10);
	expect(LIFETIMES.accessToken * 10).toBeLessThan(SERVICE_TOKEN_CAPS['messages:read']);
	const byApi = await call('GET', '/3rdparty/v1/messages/x', { authorization: bearer(token) });
	expect(byApi.status).toBe(401);
	await expect(
		verifyAccessToken(token, publishedKeySet(BASE_URL), api.issuer)
	).resolves.toMatchObject({ jti: id, type: 'access' });
});

describe('why the algorithm is pinned', () => {
	/** jose's own checks, with no `algorithms` list: what the page says they already refuse. */
	const unpinned = (token: string, keySet: JWTVerifyGetKey) =>
		jwtVerify(token, keySet, { issuer: api.issuer });

	test('jose refuses alg none without a pinned list', async () => {
		const token = unsignedToken(payloadOf((await issuePair()).access_token));
		await expect(unpinned(token, publishedKeySet(BASE_URL))).rejects.toBeInstanceOf(
			errors.JOSENotSupported
		);
	});

	test('jose refuses an HMAC "signed" with the public key without a pinned list', async () => {
		const claims = payloadOf((await issuePair()).access_token);
		const [publicJwk] = (await call('GET', '/3rdparty/v1/auth/jwks')).body.keys as JWK[];
		// The classic confusion: the public key's bytes as the HMAC secret, in each usual encoding.
		for (const secret of [JSON.stringify(publicJwk), `${publicJwk!.x}${publicJwk!.y}`]) {
			const token = await new SignJWT(claims)
				.setProtectedHeader({ alg: 'HS256', kid: publicJwk!.kid! })
				.sign(new TextEncoder().encode(secret));
			// A key set holds public keys only: jose looks no HMAC algorithm up in one.
			await expect(unpinned(token, publishedKeySet(BASE_URL))).rejects.toBeInstanceOf(
				errors.JOSENotSupported
			);
		}
	});

	test('the pin refuses a token signed with another kind of key the key set comes to hold', async () => {
		const apiKeys = (await call('GET', '/3rdparty/v1/auth/jwks')).body.keys as JWK[];
		const other = await generateKeyPair('RS256', { extractable: true });
		const widened = createLocalJWKSet({
			keys: [...apiKeys, { ...(await exportJWK(other.publicKey)), kid: 'added-later' }],
		});
		const token = await new SignJWT(payloadOf((await issuePair()).access_token))
			.setProtectedHeader({ alg: 'RS256', kid: 'added-later' })
			.sign(other.privateKey);

		await expect(unpinned(token, widened)).resolves.toBeDefined();
		await expect(verifyAccessToken(token, widened, api.issuer)).rejects.toBeInstanceOf(
			errors.JOSEAlgNotAllowed
		);
	});
});
