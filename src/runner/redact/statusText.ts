const TEXTS: Readonly<Record<number, string>> = {
	200: 'OK',
	201: 'Created',
	202: 'Accepted',
	204: 'No Content',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	500: 'Internal Server Error',
};

/** The reason phrase of an HTTP status the mock answers with, e.g. `201 Created`. */
export function statusText(status: number): string {
	const text = TEXTS[status];
	return text ? `${status} ${text}` : String(status);
}
