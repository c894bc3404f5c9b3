/**
 * Behaviours the Migration page claims that the examples' own tests do not show.
 */
import { expect, test } from 'vitest';
import { createMessageSender } from '../../examples/migration/before.ts';
import { LIFETIMES } from '../../src/mock/contract/lifetimes.ts';
import { FACTS } from '../../src/site/facts.ts';
import { exchangesTo } from '../support/exchanges.ts';
import { advance, useFakeDate } from '../support/fakeDate.ts';
import { basic, call, refresh } from '../support/http.ts';
import { BASE_URL, DEMO, useMockApi } from '../support/useMockApi.ts';

const api = useMockApi();
useFakeDate();

const DAY = 86_400;

test('an unmigrated client leaves a live refresh token behind at every login, all day, for the refresh lifetime', async () => {
	const send = createMessageSender({ baseUrl: BASE_URL, ...DEMO });
	for (let seconds = 0; seconds < DAY; seconds += LIFETIMES.accessToken) {
		await send('+15555550100', 'status report');
		advance(LIFETIMES.accessToken);
	}
	const refreshTokens = exchangesTo(api.log.entries(), '/3rdparty/v1/auth/token', 'POST').map(
		(login) => JSON.parse(login.response.body ?? '{}').refresh_token as string
	);
	// The figures the page renders.
	expect(FACTS['reauth.loginsPerDay']).toMatchObject({ text: `${refreshTokens.length} a day` });
	// A day's worth for each day of a refresh token's life: that many alive at once.
	const alive = (refreshTokens.length * LIFETIMES.refreshToken) / DAY;
	expect(FACTS['reauth.liveRefreshTokens']).toMatchObject({ text: alive.toLocaleString('en-US') });

	// Every one of them is alive at the end of the day, and the day's last one a refresh lifetime
	// after its login, less a second.
	const [last, ...rest] = refreshTokens.reverse();
	for (const token of rest.slice(0, 10)) expect((await refresh(token)).status).toBe(201);
	advance(LIFETIMES.refreshToken - LIFETIMES.accessToken - 1);
	expect((await refresh(last!)).status).toBe(201);
});

test('revoking a replaced pair by its id revokes its refresh token with it', async () => {
	const login = await call('POST', '/3rdparty/v1/auth/token', {
		authorization: basic(),
		json: { scopes: ['messages:send'] },
	});
	const revoked = await call('DELETE', `/3rdparty/v1/auth/token/${login.body.id}`, {
		authorization: basic(),
	});
	expect(revoked.status).toBe(204);
	expect((await refresh(login.body.refresh_token)).status).toBe(401);
});
