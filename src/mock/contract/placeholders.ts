/**
 * The one vocabulary of placeholders that pages use wherever a token or credential would go.
 *
 * Pages never show a real or real-looking credential: a reader copies the sample and swaps the
 * placeholder for their own value. Rule TPD002 (`src/verify/lint/rules/tokenPlaceholders.ts`) rejects
 * any other `<UPPER_SNAKE>` placeholder, so add an entry here (with its meaning) before using a
 * new one on a page.
 */
export const placeholders = {
	'<ACCESS_TOKEN>': 'A short-lived access token (a JWT), sent as `Authorization: Bearer …`.',
	'<REFRESH_TOKEN>': 'A refresh token, sent as `Bearer …` to the refresh endpoint only.',
	'<SERVICE_TOKEN>': 'A long-lived service token, used like an access token by a machine client.',
	'<TOKEN_ID>': 'The `jti` / `id` of a token, as used in revoke and renew paths.',
	'<USERNAME>': 'The account name used for Basic authentication or the login form.',
	'<PASSWORD>': 'The account password used for Basic authentication or the login form.',
	'<NEW_PASSWORD>': 'The account’s new password, sent to the password change endpoint.',
	'<BASIC_CREDENTIALS>': 'base64 of `<USERNAME>:<PASSWORD>`, sent as `Authorization: Basic …`.',
	'<API_BASE_URL>': 'The origin of the API, as in `<API_BASE_URL>/3rdparty/v1/auth/token`.',
} as const satisfies Readonly<Record<`<${string}>`, string>>;

/** One entry of the placeholder vocabulary, e.g. `'<ACCESS_TOKEN>'`. */
export type Placeholder = keyof typeof placeholders;
