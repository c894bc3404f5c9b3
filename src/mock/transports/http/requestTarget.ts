/**
 * The request target and `Host` of a request Node has parsed, checked before anything builds a
 * URL from them. Node's parser accepts any `Host` made of URL characters, and the WHATWG URL
 * parser, which every later step uses, refuses some of those (`a.1`, `999.1.1.1`, `[1.2.3.4]`,
 * `x:99999`): a check here turns what would be an exception deep in a handler into the contract's
 * 400, on every path.
 */

/** RFC 3986 §3.2.2 host (IP-literal or reg-name/IPv4), then an optional port of digits. */
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::(\d*))?$/;

/** Whether a `Host` value is one a URL can carry, as the WHATWG parser reads it. */
export function isValidHost(host: string): boolean {
	const match = HOST_SYNTAX.exec(host);
	if (!match) return false;
	const port = match[1];
	if (port !== undefined && port !== '' && Number(port) > 65_535) return false;
	return URL.canParse(`http://${host}/`);
}

/**
 * The origin-form path and query of a request target (RFC 9112 §3.2), or `undefined` when it is
 * neither origin-form (`/path?query`) nor an absolute-form `http(s)` URL. Authority-form is
 * answered by the `connect` hook; asterisk-form (`OPTIONS *`) asks nothing this API answers.
 */
export function originForm(target: string): string | undefined {
	if (target.startsWith('/')) {
		// Parsed against a fixed origin, so `//host/x` stays a path and nothing escapes it.
		return URL.canParse(target, 'http://target.invalid') ? target : undefined;
	}
	if (!URL.canParse(target)) return undefined;
	const url = new URL(target);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	return `${url.pathname}${url.search}`;
}
