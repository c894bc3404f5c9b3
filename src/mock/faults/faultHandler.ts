import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { faultsOf } from './Faults.ts';
import { playFault } from './playFault.ts';

/**
 * The in-process (msw) side of the fault layer: put it before the mock's handlers. It answers
 * only requests an armed fault matches; every other request goes on to the handlers unchanged.
 */
export function faultHandler(mock: { handlers: readonly HttpHandler[] }): HttpHandler {
	const faults = faultsOf(mock);
	// A predicate rather than '*': with nothing armed the handler matches nothing, and never parses
	// the URL (which msw's pattern matcher refuses past its length limit).
	return http.all(
		() => faults.armed > 0,
		async ({ request }) => {
			const armed = faults.take(request.method, new URL(request.url).pathname);
			if (!armed) return undefined;
			const outcome = await playFault(
				armed,
				request.signal,
				async () =>
					(await getResponse([...mock.handlers], request)) ?? new Response(null, { status: 404 })
			);
			return outcome === 'drop' ? HttpResponse.error() : outcome;
		}
	);
}
