import type { z } from 'zod';
import { validate } from '../contract/validate.ts';
import { errorResponse } from './errorResponse.ts';
import { readJsonBody } from './readJsonBody.ts';

/**
 * A request body parsed and checked against a contract schema, or the contract's error response
 * (413 too large, 400 naming the field) to send instead.
 */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<T | Response> {
	const body = await readJsonBody(request);
	if (!body.ok) return errorResponse(body.error);
	const parsed = validate(schema, body.value);
	return parsed.ok ? parsed.data : errorResponse(parsed.failure.id, parsed.failure.params);
}
