/** Lifetimes the API applies, in seconds (JWT NumericDate is seconds, never milliseconds). */
export const LIFETIMES = {
	/** An access token lives 15 minutes; a larger requested `ttl` is clamped to this. */
	accessToken: 900,
	/** A refresh token lives 30 days (720 h) from its issue; each refresh starts a new one. */
	refreshToken: 2_592_000,
	/** A login's family of rotated tokens ends 90 days after the first login, whatever rotation does. */
	family: 7_776_000,
} as const;
