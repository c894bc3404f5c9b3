import type { z } from 'zod';
import { type ApiErrorId, API_ERRORS } from './errors.ts';

/** A failed validation, as an entry of the error catalogue and its parameters. */
export interface ValidationFailure {
	id: ApiErrorId;
	params: Record<string, string>;
}

/**
 * Validates a request body against a contract schema.
 *
 * Schemas in `schemas.ts` carry catalogue ids (`unknownScope:<value>`) as their issue messages so
 * that the mock answers with the contract's exact words rather than zod's.
 */
export function validate<T>(
	schema: z.ZodType<T>,
	value: unknown
): { ok: true; data: T } | { ok: false; failure: ValidationFailure } {
	const result = schema.safeParse(value);
	if (result.success) return { ok: true, data: result.data };
	const issues = result.error.issues;
	// An unknown field is usually a typo of a known one, so it is the most useful thing to report.
	const unknown = issues.find((issue) => issue.code === 'unrecognized_keys');
	if (unknown && unknown.code === 'unrecognized_keys') {
		const name = [...unknown.path.map(String), unknown.keys[0] ?? ''].join('.');
		return { ok: false, failure: { id: 'unknownField', params: { field: name } } };
	}
	const first = issues[0];
	if (first?.path.length === 0 && first.code === 'invalid_type') {
		return { ok: false, failure: { id: 'invalidBody', params: {} } };
	}
	const [id = '', param = ''] = splitOnce(first?.message ?? '', ':');
	if (!(id in API_ERRORS)) {
		// A schema issue without a catalogue id is a bug in the schema, never the client's fault;
		// report the field rather than crash.
		return { ok: false, failure: { id: 'invalidBody', params: {} } };
	}
	return { ok: false, failure: { id: id as ApiErrorId, params: { scope: param, field: param } } };
}

function splitOnce(text: string, separator: string): [string, string] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
