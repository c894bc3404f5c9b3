import type { Exchange } from '../../../src/mock/log/ExchangeLog.ts';

/**
 * What the equivalence check compares of one exchange: what the mock saw and answered, with
 * everything that legitimately differs between two runs (tokens, ids, timestamps, header order,
 * the HTTP client's own headers) left out. Ids in the path are named by their first appearance in
 * an earlier answer (`{id 2}`), so revoking the login's first pair and revoking the newest pair
 * are different exchanges.
 */
export interface ExchangeShape {
	request: string;
	status: number;
	/** The `Authorization` scheme (`Basic`, `Bearer`), or `none`. */
	authorization: string;
	/** The media type, without parameters, or `none`. */
	contentType: string;
	csrf: boolean;
	/** The JSON body's keys, sorted; `not JSON` or `none` otherwise. */
	bodyKeys: string;
}

export function exchangeShapes(exchanges: readonly Exchange[]): ExchangeShape[] {
	const ids = new Map<string, string>();
	return exchanges.map(({ request, response }) => {
		const path = new URL(request.url).pathname
			.split('/')
			.map((segment) => ids.get(segment) ?? segment)
			.join('/');
		for (const id of idsIn(response.body)) if (!ids.has(id)) ids.set(id, `{id ${ids.size + 1}}`);
		const headers = request.headers;
		return {
			request: `${request.method} ${path}`,
			status: response.status,
			authorization: headers['authorization']?.split(' ')[0] ?? 'none',
			contentType: headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? 'none',
			csrf: headers['x-csrf'] !== undefined,
			bodyKeys: bodyKeys(request.body),
		};
	});
}

/** A line per exchange, for a readable failure. */
export function describeShape(shape: ExchangeShape | undefined): string {
	if (shape === undefined) return '(no exchange)';
	const { request, status, authorization, contentType, csrf, bodyKeys } = shape;
	return `${request} → ${status}; Authorization ${authorization}, Content-Type ${contentType}, X-CSRF ${csrf ? 'present' : 'absent'}, body ${bodyKeys}`;
}

/**
 * Undefined when both runs made the same exchanges in the same order; else a message naming the
 * first exchange that differs, as each side made it.
 */
export function firstDifference(
	typescript: readonly ExchangeShape[],
	python: readonly ExchangeShape[]
): string | undefined {
	const length = Math.max(typescript.length, python.length);
	for (let index = 0; index < length; index++) {
		const [ts, py] = [typescript[index], python[index]];
		if (describeShape(ts) === describeShape(py)) continue;
		return [
			`exchange ${index + 1} of ${typescript.length} (TypeScript) / ${python.length} (Python) differs:`,
			`  TypeScript: ${describeShape(ts)}`,
			`  Python:     ${describeShape(py)}`,
		].join('\n');
	}
	return undefined;
}

function bodyKeys(body: string | null): string {
	if (body === null || body === '') return 'none';
	try {
		const value: unknown = JSON.parse(body);
		if (Array.isArray(value)) return `[${value.length} items]`;
		if (typeof value !== 'object' || value === null) return 'JSON';
		return `{${Object.keys(value).sort().join(', ')}}`;
	} catch {
		return 'not JSON';
	}
}

/** Every `id` value in a JSON answer (an object, or a list of objects). */
function idsIn(body: string | null): string[] {
	try {
		const value: unknown = JSON.parse(body ?? '');
		const items: unknown[] = Array.isArray(value) ? value : [value];
		return items.flatMap((item) =>
			typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
				? [(item as { id: string }).id]
				: []
		);
	} catch {
		return [];
	}
}
