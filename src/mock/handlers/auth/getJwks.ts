import { HttpResponse } from 'msw';
import type { RouteResolver } from '../../http/defineRoute.ts';

/** `GET /3rdparty/v1/auth/jwks`: the public key set that verifies the API's tokens. */
export const getJwks: RouteResolver = async ({ ctx }) => {
	const key = await ctx.signingKey();
	return HttpResponse.json(
		{ keys: [key.publicJwk] },
		{ headers: { 'Cache-Control': 'public, max-age=300' } }
	);
};
