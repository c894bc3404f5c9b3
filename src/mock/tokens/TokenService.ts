import { base64url, jwtVerify, SignJWT } from 'jose';
import { nanoid } from 'nanoid';
import type { Clock } from '../clock/Clock.ts';
import { isLowS, toLowS } from './lowS.ts';
import type { SigningKey } from './SigningKey.ts';
import type { AccessClaims, RefreshClaims, TokenClaims, TokenType } from './claims.ts';

/** Longer than any token this API signs; anything bigger is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * No token this API signs lives longer than a year; an `exp` further out is a millisecond value
 * written where seconds belong, and is refused even under a genuine signature.
 */
const MAX_LIFETIME = 366 * 86_400;

type Unsigned<C extends TokenClaims> = Omit<C, 'jti' | 'iss' | 'iat' | 'exp'>;

/** A token the service has just signed, with the claims it holds. */
export interface SignedToken<C extends TokenClaims = TokenClaims> {
	token: string;
	claims: C;
}

/**
 * Signs and verifies the API's JWTs with jose.
 *
 * Verification pins ES256 and the issuer, requires `exp`, and checks the `type` claim, so a refresh
 * token never passes as an access token nor the reverse. Every failure is `null`: callers answer
 * 401 without saying which check failed.
 */
export class TokenService {
	readonly #issuer: string;
	readonly #clock: Clock;
	readonly #key: () => Promise<SigningKey>;

	constructor(options: { issuer: string; clock: Clock; key: () => Promise<SigningKey> }) {
		this.#issuer = options.issuer;
		this.#clock = options.clock;
		this.#key = options.key;
	}

	/** The same service reading time from `clock` (a request's {@link Clock.instant}). */
	withClock(clock: Clock): TokenService {
		return new TokenService({ issuer: this.#issuer, clock, key: this.#key });
	}

	/** Signs a token that expires `lifetime` seconds from now (or at `notAfter`, if sooner). */
	async sign<C extends TokenClaims>(
		claims: Unsigned<C>,
		lifetime: number,
		notAfter = Number.POSITIVE_INFINITY
	): Promise<SignedToken<C>> {
		const key = await this.#key();
		const iat = this.#clock.nowSeconds();
		const full = {
			...claims,
			jti: nanoid(),
			iss: this.#issuer,
			iat,
			exp: Math.min(iat + lifetime, notAfter),
		} as C;
		const signed = await new SignJWT({ ...full })
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
			.sign(key.privateKey);
		// One spelling per token: see `lowS.ts`.
		const [header, payload, signature = ''] = signed.split('.');
		const token = `${header}.${payload}.${toLowS(signature)}`;
		return { token, claims: full };
	}

	/** Verifies a token of the given type; `null` for anything not genuine, current and of that type. */
	async verify(token: string, type: 'access'): Promise<AccessClaims | null>;
	async verify(token: string, type: 'refresh'): Promise<RefreshClaims | null>;
	async verify(token: string, type: TokenType): Promise<TokenClaims | null> {
		if (token.length > MAX_TOKEN_LENGTH || !isCanonical(token)) return null;
		// The high-S twin of a genuine signature verifies too; this API never signs it.
		if (!isLowS(token.split('.')[2] ?? '')) return null;
		const key = await this.#key();
		try {
			const { payload } = await jwtVerify(token, key.publicKey, {
				algorithms: ['ES256'],
				issuer: this.#issuer,
				requiredClaims: ['exp', 'iat', 'jti', 'sub', 'type'],
				currentDate: new Date(this.#clock.now()),
			});
			if (payload['type'] !== type || !isStringArray(payload['scopes'])) return null;
			if (payload.exp! - payload.iat! > MAX_LIFETIME) return null;
			// Issued in the future: a millisecond `iat` (with a millisecond `exp` to match).
			if (payload.iat! > this.#clock.nowSeconds() + 60) return null;
			if (type === 'refresh' && !isStringArray(payload['original_scopes'])) return null;
			return payload as unknown as TokenClaims;
		} catch {
			// jose throws its own errors for bad tokens and a plain TypeError for some key or
			// algorithm mismatches; all of them mean the same thing to a client.
			return null;
		}
	}
}

/**
 * Whether every segment is the one canonical base64url spelling of its bytes. jose decodes
 * loosely, so the unused low bits of a signature's last character could otherwise yield 15 other
 * spellings of one genuine token, each of which would slip past a denylist keyed on its text.
 */
function isCanonical(token: string): boolean {
	try {
		return token.split('.').every((part) => base64url.encode(base64url.decode(part)) === part);
	} catch {
		return false;
	}
}

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
