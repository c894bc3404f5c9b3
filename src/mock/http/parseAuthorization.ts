/** The credentials an `Authorization` header carries. */
export type Credentials =
	{ scheme: 'basic'; username: string; password: string } | { scheme: 'bearer'; token: string };

// RFC 6750 §2.1 b64token.
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Parses an `Authorization` header; `null` when it is absent or malformed. */
export function parseAuthorization(header: string | null): Credentials | null {
	if (header === null) return null;
	const match = /^(\S+) +(\S+)$/.exec(header.trim());
	if (!match) return null;
	const [, scheme = '', value = ''] = match;
	switch (scheme.toLowerCase()) {
		case 'bearer':
			return BEARER_TOKEN.test(value) ? { scheme: 'bearer', token: value } : null;
		case 'basic':
			return parseBasic(value);
		default:
			return null;
	}
}

function parseBasic(value: string): Credentials | null {
	let decoded: string;
	try {
		const binary = atob(value);
		const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
		decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
	const colon = decoded.indexOf(':');
	if (colon === -1) return null;
	return { scheme: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
