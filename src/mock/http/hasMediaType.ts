/**
 * Whether a request's `Content-Type` is `type`, whatever its parameters (`; charset=utf-8`) and
 * case (RFC 9110 §8.3.1: the type and subtype are case-insensitive).
 */
export function hasMediaType(request: Request, type: string): boolean {
	const header = request.headers.get('content-type');
	if (header === null) return false;
	const [essence = ''] = header.split(';');
	return essence.trim().toLowerCase() === type;
}
