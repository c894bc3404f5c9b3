import type { z } from 'zod';
import { type ApiErrorId, errorBody, errorStatus } from '../../../src/mock/contract/errors.ts';
import type { MockApi } from '../../../src/mock/createMockApi.ts';
import type { TokenPairBody } from '../../../src/mock/pairs/TokenPairs.ts';
import type { WireRequest, WireResponse } from './transports.ts';

/** What a row can do besides sending its request: mint genuine credentials, move the clock. */
export interface RowContext {
	api: MockApi;
	send: (request: WireRequest) => Promise<WireResponse>;
	/** `Authorization: Basic …` for the demo account (or other credentials). */
	basic: (username?: string, password?: string) => string;
	/** Issues a pair for the demo account; throws unless 201. */
	issue: (scopes?: readonly string[]) => Promise<TokenPairBody>;
	/** `POST /auth/token/refresh` with `Authorization: Bearer <token>`. */
	refresh: (token: string) => Promise<WireResponse>;
	/** `GET /3rdparty/v1/messages/nope` with this `Authorization` value: 404 if it authenticates. */
	probe: (authorization: string | undefined) => Promise<WireResponse>;
	/** Signs claims with the mock's own key, as if it had leaked: only claim checks can refuse. */
	resign: (claims: Record<string, unknown>, header?: Record<string, unknown>) => Promise<string>;
}

/** A response the contract promises: an exact body, or a body a schema accepts. */
export type Expected =
	| { status: number; body: unknown; headers?: Record<string, string | null> }
	| { status: number; schema: z.ZodType; headers?: Record<string, string | null> };

/** One hostile or broken input and what the contract says the API answers. */
export interface CatalogueRow {
	group: string;
	name: string;
	/** Sets up what it needs and sends the request under test (or several, for races). */
	act: (ctx: RowContext) => Promise<WireResponse | WireResponse[]>;
	/** One expectation, or one per response (in any order) for a row that sends several. */
	expect: Expected | Expected[];
	/** Shown when the row fails: what to fix where the cause is not obvious. */
	note?: string;
}

/** The contract's answer for a catalogue error. */
export function error(
	id: ApiErrorId,
	params: Record<string, string | number | readonly string[]> = {},
	headers?: Record<string, string | null>
): Expected {
	const expected: Expected = { status: errorStatus(id), body: errorBody(id, params) };
	if (headers) expected.headers = headers;
	else if (expected.status === 401) expected.headers = { 'www-authenticate': 'Bearer' };
	return expected;
}

/** A success whose body the schema accepts. */
export function success(status: number, schema: z.ZodType): Expected {
	return { status, schema };
}

/** A success with no body (204). */
export function noContent(): Expected {
	return { status: 204, body: undefined };
}

/** `GET /3rdparty/v1/messages/nope` with a credential that works: the message does not exist. */
export const AUTHENTICATED = error('messageNotFound');
