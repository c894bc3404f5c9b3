import { base64url, createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { isLowS, toLowS } from '../../../src/mock/tokens/lowS.ts';
import { bearer, call, issuePair } from '../../support/http.ts';
import { useMockApi } from '../../support/useMockApi.ts';

const api = useMockApi();
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** The other valid spelling of an ES256 token: the same `r`, and `n − s` for `s`. */
function twin(token: string): string {
	const [header, payload, signature = ''] = token.split('.');
	const bytes = base64url.decode(signature);
	const s = BigInt(`0x${Buffer.from(bytes.subarray(32)).toString('hex')}`);
	const other = Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex');
	return `${header}.${payload}.${base64url.encode(Buffer.concat([bytes.subarray(0, 32), other]))}`;
}

const works = async (token: string) =>
	(await call('GET', '/3rdparty/v1/messages/none', { authorization: bearer(token) })).status;

describe('one spelling per token: the high-S twin of a genuine signature', () => {
	test('every token the mock signs is low-S', async () => {
		for (let i = 0; i < 20; i += 1) {
			const pair = await issuePair(['messages:read']);
			for (const token of [pair.access_token, pair.refresh_token]) {
				expect(isLowS(token.split('.')[2]!)).toBe(true);
			}
		}
	});

	test('is a genuine signature (jose verifies it), and the mock refuses it: 401', async () => {
		const { access_token } = await issuePair(['messages:read']);
		const other = twin(access_token);
		expect(other).not.toBe(access_token);
		const jwks = createLocalJWKSet((await call('GET', '/3rdparty/v1/auth/jwks')).body);
		await expect(
			jwtVerify(other, jwks, { algorithms: ['ES256'], currentDate: new Date(api.clock.now()) })
		).resolves.toBeDefined();
		expect(await works(other)).toBe(401);
		expect(await works(access_token)).toBe(404);
	});

	test('toLowS turns a high-S signature into its low twin and leaves a low one alone', async () => {
		const { access_token } = await issuePair(['messages:read']);
		const low = access_token.split('.')[2]!;
		const high = twin(access_token).split('.')[2]!;
		expect(isLowS(high)).toBe(false);
		expect(toLowS(high)).toBe(low);
		expect(toLowS(low)).toBe(low);
		expect(isLowS('not base64url!')).toBe(false);
		expect(isLowS('')).toBe(false);
	});
});
