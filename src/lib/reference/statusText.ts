/** Reason phrases of the statuses this API answers with. */
const REASONS: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	202: 'Accepted',
	204: 'No Content',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
};

/** `201 Created`, or just the number for a status without a known phrase. */
export function statusText(status: number): string {
	const reason = REASONS[status];
	return reason ? `${status} ${reason}` : String(status);
}
