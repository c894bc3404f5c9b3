import { REFRESH_COOKIE } from '../contract/http.ts';
import { cookieHeader } from './requestCookie.ts';

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
	 * The refresh token a request's `Cookie` header carries (see `cookieHeader`). `null` when there
	 * is none, or when it carries two different ones: a tossed cookie may be either, and the API
	 * will not guess.
	 */
	read(request: Request): string | null {
		const header = cookieHeader(request);
		const values = new Set(header === null ? [] : rawValues(header));
		const [value] = values;
		return values.size === 1 && value !== '' && value !== undefined ? value : null;
	},
};

function rawValues(header: string): string[] {
	return header
		.split(';')
		.map((pair) => pair.trim())
		.filter((pair) => pair.startsWith(`${NAME}=`))
		.map((pair) => pair.slice(NAME.length + 1));
}
