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
	readonly body: {
		error?: string;
		message?: string;
		code?: number;
		data?: Record<string, unknown>;
	};

	constructor(status: number, body: ApiError['body']) {
		super(`${status} ${body.message ?? 'error'}`);
		this.name = 'ApiError';
		this.status = status;
		this.body = body;
	}

	static async from(response: Response): Promise<ApiError> {
		const body = (await response.json().catch(() => ({}))) as ApiError['body'];
		return new ApiError(response.status, body);
	}
}
// #endregion service-token

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
			Authorization: `Basic ${btoa(`${username}:${password}`)}`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify(ttl === undefined ? { name, scopes } : { name, scopes, ttl }),
	});
	if (!response.ok) throw await ApiError.from(response); // 400 names the field; ttl too long → data.max_ttl
	return (await response.json()) as ServiceToken;
}
// #endregion create
