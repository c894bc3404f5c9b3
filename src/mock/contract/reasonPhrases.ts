/**
 * The reason phrase of every status the API answers with: the one table the mock's status lines,
 * the bodies of the errors that are only a status (`"message": "Payload Too Large"`) and the
 * pages' `413 Payload Too Large` are all read from.
 *
 * They are the phrases Node.js's HTTP server sends (RFC 9110 §15). Where RFC 9110 renamed one, the
 * API keeps the phrase clients already match on: 413 is "Payload Too Large" (RFC 9110 says
 * "Content Too Large"); clients branch on the status and the `error` id, never on the phrase.
 */
export const REASON_PHRASES = {
	200: 'OK',
	201: 'Created',
	202: 'Accepted',
	204: 'No Content',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	408: 'Request Timeout',
	413: 'Payload Too Large',
	414: 'URI Too Long',
	415: 'Unsupported Media Type',
	417: 'Expectation Failed',
	429: 'Too Many Requests',
	431: 'Request Header Fields Too Large',
	500: 'Internal Server Error',
} as const satisfies Readonly<Record<number, string>>;
