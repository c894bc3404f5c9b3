import { findTokenLeaks } from '../lint/tokens/findTokenLeaks.ts';

/**
 * Throws if a sample's text would fail the pages' token rule (TPD002) or still holds anything
 * JWT-like: a recorded sample lands on pages verbatim, so it must pass the same bar as a page.
 */
export function assertPublishable(name: string, text: string): void {
	const problems: string[] = [];
	if (text.includes('eyJ')) problems.push('contains "eyJ" (the start of a JWT)');
	text.split('\n').forEach((line, index) => {
		for (const leak of findTokenLeaks(line)) problems.push(`line ${index + 1}: ${leak.detail}`);
	});
	if (problems.length > 0) {
		throw new Error(`sample ${name} is not publishable:\n  ${problems.join('\n  ')}`);
	}
}
