import {
	http,
	HttpResponse,
	type HttpCustomPredicate,
	type HttpHandler,
	type PathParams,
} from 'msw';
import { errorBody, type ApiErrorBody } from '../../contract/errors.ts';
import type { MockApi } from '../../createMockApi.ts';

/** Mock-only paths, at the server's root only: never part of the Token Pair API, only of this server. */
export const CONTROL_PATHS = { clock: '/__mock/clock', reset: '/__mock/reset' } as const;

/**
 * How far the clock may be pushed in total: a century, so every timestamp the mock formats stays a
 * valid date (a clock at 1e300 seconds would make `toISOString` throw).
 */
export const MAX_CLOCK_OFFSET_SECONDS = 100 * 365 * 86_400;

/**
 * MSW handlers for the local server's controls, served in front of the API's own handlers:
 * `POST /__mock/clock {"advance": <seconds>}` moves `api.clock` forward, `POST /__mock/reset`
 * forgets every token, message and clock move. Both answer 204 with the mock's new `Date`.
 */
export function createControlHandlers(api: MockApi): HttpHandler[] {
	const noContent = () =>
		new HttpResponse(null, {
			status: 204,
			headers: { 'Cache-Control': 'no-store', Date: new Date(api.clock.now()).toUTCString() },
		});
	return [
		http.post(under(CONTROL_PATHS.clock), async ({ request }) => {
			const result = readAdvance(await request.text(), api.clock.offsetSeconds);
			if (!result.ok) {
				return HttpResponse.json(result.error, {
					status: 400,
					headers: { 'Cache-Control': 'no-store' },
				});
			}
			api.clock.advance(result.seconds);
			return noContent();
		}),
		http.post(under(CONTROL_PATHS.reset), () => {
			api.reset();
			return noContent();
		}),
		...Object.values(CONTROL_PATHS).map((path) =>
			http.all(under(path), () =>
				HttpResponse.json(errorBody('methodNotAllowed'), {
					status: 405,
					headers: { Allow: 'POST' },
				})
			)
		),
	];
}

type AdvanceResult = { ok: true; seconds: number } | { ok: false; error: ApiErrorBody };

/** Parses `{"advance": <seconds>}`; every mistake is a 400 in the contract's error shape. */
export function readAdvance(text: string, offsetSeconds: number): AdvanceResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, error: errorBody('invalidBody') };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, error: errorBody('invalidBody') };
	}
	const unknown = Object.keys(value).find((key) => key !== 'advance');
	if (unknown !== undefined) {
		return { ok: false, error: errorBody('unknownField', { field: unknown }) };
	}
	const seconds: unknown = (value as { advance?: unknown }).advance;
	const room = MAX_CLOCK_OFFSET_SECONDS - offsetSeconds;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > room) {
		return {
			ok: false,
			error: {
				error: 'invalid_advance',
				message: `invalid params: advance must be a number of seconds from 0 to ${Math.floor(room)}`,
				code: 400,
				data: { field: 'advance' },
			},
		};
	}
	return { ok: true, seconds };
}

/**
 * Matches a control path at the root of the server only: `/x/__mock/reset` is a path no handler
 * knows (404), so a client whose base URL has a path prefix cannot reset the mock by accident, and
 * the controls answer one URL each, as the "Try it locally" page writes them. A predicate rather
 * than an MSW path pattern: MSW's matcher throws on a URL over the API's length limit, and these
 * handlers run first, so such a URL would be a 500 instead of the API's 414.
 */
function under(path: string): HttpCustomPredicate<PathParams> {
	return ({ request }) => ({ matches: new URL(request.url).pathname === path, params: {} });
}
