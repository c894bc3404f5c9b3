/**
 * A `fetch` that remembers every answer it returns, for the promise "every answer is read to its
 * end". An answer left unread holds its connection, and the `AbortSignal.timeout` of its request
 * cuts it off later: Chromium then reports the request as failed (`net::ERR_ABORTED`), seconds
 * after the code has moved on.
 */
export function recordingFetch(inner: typeof fetch) {
	const answers: { request: string; response: Response }[] = [];
	const recording: typeof fetch = async (input, init) => {
		const response = await inner(input, init);
		const url = input instanceof Request ? input.url : String(input);
		answers.push({ request: `${init?.method ?? 'GET'} ${new URL(url).pathname}`, response });
		return response;
	};
	return {
		fetch: recording,
		/** The answers with a body nobody read, as `METHOD /path status`. */
		unread: () =>
			answers
				.filter(({ response }) => response.body !== null && !response.bodyUsed)
				.map(({ request, response }) => `${request} ${response.status}`),
	};
}
