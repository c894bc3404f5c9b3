import { REFRESH_COOKIE } from '../contract/http.ts';

const NAME = REFRESH_COOKIE.name;
const ATTRIBUTES = Object.values(REFRESH_COOKIE.attributes).join('; ');

/** Builds, clears and reads the `refresh_token` cookie. */
export const refreshCookie = {
	name: NAME,

	/**
	 * The `Set-Cookie` value that stores a refresh token. `maxAge` is the seconds the token itself
	 * has left, so the browser drops the cookie when the token stops working, never later.
	 */
	set(token: string, maxAge: number): string {
		return `${NAME}=${token}; ${ATTRIBUTES}; Max-Age=${Math.max(0, Math.floor(maxAge))}`;
	},

	/** The `Set-Cookie` value that deletes the cookie (same name, path and flags; Max-Age=0). */
	clear(): string {
		return `${NAME}=; ${ATTRIBUTES}; Max-Age=0`;
	},

	/**
	 * The refresh token a request carries: from MSW's parsed `cookies` (the `Cookie` header in Node,
	 * MSW's cookie store in the browser). `null` when there is none, or when the `Cookie` header
	 * carries two different ones: a tossed cookie may be either, and the API will not guess.
	 */
	read(request: Request, cookies: Record<string, string>): string | null {
		const value = cookies[NAME];
		if (value === undefined || value === '') return null;
		const header = request.headers.get('cookie');
		if (header !== null && new Set(rawValues(header)).size > 1) return null;
		return value;
	},
};

function rawValues(header: string): string[] {
	return header
		.split(';')
		.map((pair) => pair.trim())
		.filter((pair) => pair.startsWith(`${NAME}=`))
		.map((pair) => pair.slice(NAME.length + 1));
}
