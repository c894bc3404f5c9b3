import { base64url } from 'jose';
import { DEFAULT_ACCOUNTS } from '../../../src/mock/auth/Account.ts';
import type { Endpoint } from '../../../src/mock/contract/endpoints.ts';
import type { GeneratedRequest, GenuinePool } from './arbitraries.ts';
import {
	allowedStatuses,
	errorBodyProblem,
	requiresCredential,
	routeOf,
} from './contractOracle.ts';

/** The verdict on one exchange: fine, a violation (with why), or a non-canonical twin accepted. */
export type Verdict = { ok: true } | { ok: false; why: string } | { ok: 'twin'; token: string };

/**
 * Judges a response against the contract: never 5xx; a status the route may answer; a non-2xx in
 * the error body shape with a catalogue message; and, where the endpoint needs a credential and
 * the one presented is not genuine (byte-identical to what the mock issued), a refusal: 401 for
 * `Authorization` schemes, no 2xx for the others. An accepted token that differs from a genuine
 * one only in base64url padding bits is reported apart, as a twin.
 */
export function judgeExchange(
	request: GeneratedRequest,
	response: { status: number; json: unknown },
	pool: GenuinePool
): Verdict {
	const route = routeOf(request.method, request.path);
	const { status } = response;
	if (status >= 500) return { ok: false, why: `a ${status}` };
	const allowed = allowedStatuses(route);
	if (!allowed.has(status)) {
		return { ok: false, why: `status ${status}, the contract allows ${[...allowed].join(', ')}` };
	}
	// A HEAD answer has the GET's status and headers, never a body to judge.
	if (status >= 400 && request.method !== 'HEAD') {
		const problem = errorBodyProblem(route, status, response.json);
		if (problem !== undefined) return { ok: false, why: problem };
	}
	if (route.kind !== 'endpoint' || !requiresCredential(route.endpoint)) return { ok: true };
	const { endpoint } = route;
	if (presentsGenuine(request, endpoint, pool)) return { ok: true };
	// Without a genuine `Authorization`, an endpoint that reads one answers 401 before anything
	// else: a 400 or 403 would mean the credential got through and the request went on.
	const byHeader = endpoint.auth.schemes.some((scheme) => HEADER_SCHEMES.has(scheme));
	const refused = byHeader ? status === 401 : status >= 400;
	if (refused) return { ok: true };
	const presented = presentedToken(request, endpoint);
	if (presented !== undefined && isTwinOfGenuine(presented, pool))
		return { ok: 'twin', token: presented };
	return { ok: false, why: `a ${request.credential.kind} credential got ${status}` };
}

/** Schemes that authenticate with the `Authorization` header. */
const HEADER_SCHEMES: ReadonlySet<string> = new Set(['basic', 'bearer', 'refresh-token']);

function presentsGenuine(
	request: GeneratedRequest,
	endpoint: Endpoint,
	pool: GenuinePool
): boolean {
	const schemes: readonly string[] = endpoint.auth.schemes;
	if (schemes.includes('password')) {
		const body = parse(request.body);
		return DEFAULT_ACCOUNTS.some(
			(a) => body?.['username'] === a.username && body['password'] === a.password
		);
	}
	if (schemes.includes('refresh-cookie')) {
		return (request.headers['Cookie'] ?? '') === `refresh_token=${pool.cookie}`;
	}
	return request.credential.kind === 'genuine';
}

function presentedToken(request: GeneratedRequest, endpoint: Endpoint): string | undefined {
	const schemes: readonly string[] = endpoint.auth.schemes;
	if (schemes.includes('refresh-cookie')) {
		return /refresh_token=([^;]*)/.exec(request.headers['Cookie'] ?? '')?.[1];
	}
	return /^Bearer (.*)$/.exec(request.credential.header ?? '')?.[1];
}

/** Whether a token decodes to exactly the bytes of a genuine one, though its text differs. */
export function isTwinOfGenuine(token: string, pool: GenuinePool): boolean {
	const canonical = canonicalForm(token);
	if (canonical === undefined) return false;
	return [...pool.tokens, pool.cookie].some(
		(genuine) => genuine !== token && canonicalForm(genuine) === canonical
	);
}

function canonicalForm(token: string): string | undefined {
	try {
		return token
			.split('.')
			.map((part) => base64url.encode(base64url.decode(part)))
			.join('.');
	} catch {
		return undefined;
	}
}

function parse(body: GeneratedRequest['body']): Record<string, unknown> | undefined {
	if (typeof body !== 'string') return undefined;
	try {
		const value: unknown = JSON.parse(body);
		return typeof value === 'object' && value !== null
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
