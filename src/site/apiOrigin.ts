/**
 * Where the Token Pair API lives, for the pages that tell a newcomer where to point their code
 * and for the OpenAPI document's `servers`. The real origin is the one your API's operator gives
 * you with your account; this example stands in for it wherever one must be written.
 */
export const API_ORIGIN = {
	/** An example of a real origin (the `.example` top-level domain never resolves). */
	example: 'https://api.token-pair.example',
	/** The local mock: `npm run mock-api`. */
	local: 'http://127.0.0.1:8787',
} as const;
