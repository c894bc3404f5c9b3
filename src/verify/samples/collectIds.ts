import type { Exchange } from '../../mock/log/ExchangeLog.ts';
import { findJwts, jwtClaims } from '../../mock/tokens/jwt.ts';
import type { RedactionIds } from './redactBody.ts';

/**
 * Stand-ins for random ids that are not token ids (message ids), in order of appearance. Both are
 * the example ids of nanoid's README: obviously examples, and the right shape.
 */
export const ID_STAND_INS = ['V1StGXR8_Z5jdHi6B-myT', 'Uakgb_J5m9g-0JDMbcJqL'] as const;

/**
 * The ids a recording must hide, read from the mock's exchange log: the `jti` of every JWT any
 * response carried (a pair's `id` and a service token's `id` are such `jti`s), and every other
 * `id` field of a response body.
 */
export function collectIds(entries: readonly Exchange[]): RedactionIds {
	const tokenIds = new Set<string>();
	const others: string[] = [];
	for (const { response } of entries) {
		const text = [response.body ?? '', ...Object.values(response.headers)].join('\n');
		for (const { token } of findJwts(text)) {
			const jti = jwtClaims(token)?.jti;
			if (typeof jti === 'string') tokenIds.add(jti);
		}
	}
	for (const { response } of entries) {
		for (const id of idFields(parse(response.body))) {
			if (!tokenIds.has(id) && !others.includes(id)) others.push(id);
		}
	}
	if (others.length > ID_STAND_INS.length) {
		throw new Error(`a recording produced ${others.length} ids; add stand-ins to ID_STAND_INS`);
	}
	return {
		tokenIds,
		otherIds: new Map(others.map((id, index) => [id, ID_STAND_INS[index] ?? id])),
	};
}

function parse(text: string | null): unknown {
	try {
		return JSON.parse(text ?? 'null');
	} catch {
		return null;
	}
}

function idFields(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(idFields);
	if (typeof value !== 'object' || value === null) return [];
	const own = (value as { id?: unknown }).id;
	return [
		...(typeof own === 'string' ? [own] : []),
		...Object.values(value).flatMap((item) => (typeof item === 'object' ? idFields(item) : [])),
	];
}
