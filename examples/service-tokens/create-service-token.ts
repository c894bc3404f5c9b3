/**
 * Mint a named, long-lived service token for a machine that cannot hold a refresh token.
 *
 * @see /guides/service-tokens/
 */

// #region service-token
export interface ServiceToken {
	id: string;
	name: string;
	scopes: string[];
	token: string;
	/** RFC 3339 UTC, e.g. "2026-04-13T01:45:00Z". */
	expires_at: string;
}

/**
 * An error answer of the API, with its status and body kept for the caller to act on. Branch on
 * `body.error`, the stable id (`ttl_too_long`); `message` is for people and may be reworded.
 */
export class ApiError extends Error {
	readonly status: number;
	/** How long the server asked us to wait (`Retry-After`, on a 429 or 503), in milliseconds. */
	readonly retryAfterMs: number | undefined;
	readonly body: {
		error?: string;
		message?: string;
		code?: number;
		data?: Record<string, unknown>;
	};

	constructor(status: number, body: ApiError['body'], retryAfterMs?: number) {
		super(`${status} ${body.message ?? 'error'}`);
		this.name = 'ApiError';
		this.status = status;
		this.body = body;
		this.retryAfterMs = retryAfterMs;
	}

	static async from(response: Response): Promise<ApiError> {
		const body = (await response.json().catch(() => ({}))) as ApiError['body'];
		return new ApiError(response.status, body, retryAfterMs(response));
	}
}

/**
 * `Retry-After` in milliseconds: delay-seconds, or an HTTP-date read against the response's own
 * `Date` (both from the server's clock, so a wrong local clock cannot stretch or cancel the wait).
 */
export function retryAfterMs(response: Response): number | undefined {
	const value = response.headers.get('Retry-After')?.trim();
	if (!value) return undefined;
	if (/^\d+$/.test(value)) return Number(value) * 1000;
	const until = Date.parse(value);
	if (Number.isNaN(until)) return undefined;
	const serverNow = Date.parse(response.headers.get('Date') ?? '');
	return Math.max(until - (Number.isNaN(serverNow) ? Date.now() : serverNow), 0);
}
// #endregion service-token

// #region basic-auth
/**
 * The `Authorization` header for Basic authentication. The API reads the credentials as UTF-8;
 * `btoa` alone takes only Latin-1 (it throws on `€`, and sends `ä` as one byte the API cannot
 * decode), so encode to UTF-8 bytes first.
 */
export function basicAuth(username: string, password: string): string {
	const bytes = new TextEncoder().encode(`${username}:${password}`);
	return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
// #endregion basic-auth

// #region create
export async function createServiceToken(options: {
	baseUrl: string;
	username: string;
	password: string;
	name: string;
	scopes: string[];
	/** Seconds; absent means the longest the scopes allow. */
	ttl?: number;
}): Promise<ServiceToken> {
	const { baseUrl, username, password, name, scopes, ttl } = options;
	const response = await fetch(`${baseUrl}/3rdparty/v1/service-tokens`, {
		method: 'POST',
		headers: {
			Authorization: basicAuth(username, password),
			'Content-Type': 'application/json',
		},
		body: JSON.stringify(ttl === undefined ? { name, scopes } : { name, scopes, ttl }),
	});
	if (!response.ok) throw await ApiError.from(response); // 400 names the field; ttl too long → data.max_ttl
	return (await response.json()) as ServiceToken;
}
// #endregion create
