import type { IncomingMessage } from 'node:http';
import { faultsOf } from './Faults.ts';
import { type FaultOutcome, playFault } from './playFault.ts';

/**
 * The HTTP server's side of the fault layer: the request's armed fault played around `answer`,
 * or `answer()` itself when none is armed (one lookup and a length check). A dropped answer
 * destroys the connection, so the client sees it reset, as after a crash or a lost packet.
 */
export async function answerOrFault(
	api: object,
	request: Request,
	req: IncomingMessage,
	answer: () => Promise<Response>
): Promise<FaultOutcome> {
	const faults = faultsOf(api);
	if (faults.armed === 0) return answer();
	const armed = faults.take(req.method ?? '', (req.url ?? '').split('?')[0] ?? '');
	if (!armed) return answer();
	const outcome = await playFault(armed, request.signal, answer);
	if (outcome === 'drop') req.socket.destroy();
	return outcome;
}
