import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { faultsOf, held } from './Faults.ts';
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
			const answer = async () =>
				(await getResponse([...mock.handlers], request)) ?? new Response(null, { status: 404 });
			// msw hands fetch a response only once it has read the whole body, so a body that errors
			// half-way cannot reach the client as such; worse, msw then lets the request fall through
			// to the mock's handlers, which act a second time. In process, a reset mid-body is what
			// the client sees of it: the server acted, and the fetch fails.
			if (armed.fault.kind === 'resetMidBody') {
				await answer();
				return HttpResponse.error();
			}
			// For the same reason headers followed by a hang hold the whole answer in process, here,
			// rather than leave it to when msw happens to read a stalled body.
			if (armed.fault.kind === 'hang' && armed.fault.stage === 'body') {
				const response = await answer();
				await held(armed, request.signal);
				return request.signal.aborted ? HttpResponse.error() : response;
			}
			const outcome = await playFault(armed, request.signal, answer);
			return outcome === 'drop' ? HttpResponse.error() : outcome;
		}
	);
}
