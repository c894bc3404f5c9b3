/**
 * The claims of a JWT-shaped string, read without verifying anything (only to name the token in
 * the runner's output); `undefined` when the middle segment is not base64url JSON of an object.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
	const segment = token.split('.')[1];
	if (!segment || !/^[\w-]+$/.test(segment)) return undefined;
	try {
		const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
		const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
		const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
		const claims: unknown = JSON.parse(json);
		return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
			? (claims as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}
