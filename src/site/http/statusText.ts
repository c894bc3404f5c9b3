/** RFC 9110 reason phrases of the statuses the API and the mock answer with. */
const REASONS: Readonly<Record<number, string>> = {
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
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	431: 'Request Header Fields Too Large',
	500: 'Internal Server Error',
};

/** `201 Created`, or just the number for a status without a known phrase. */
export function statusText(status: number): string {
	const reason = REASONS[status];
	return reason ? `${status} ${reason}` : String(status);
}
