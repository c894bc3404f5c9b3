import { closestMatch } from '../../site/closestMatch.ts';
import { API_ERRORS, type ApiErrorId, errorBody } from '../../mock/contract/errors.ts';
import { EXAMPLE_VALUES, substitutePlaceholders } from './substitutePlaceholders.ts';
import { stripComments } from 'jsonc-parser';
import type { Fence } from '../pages/readPage.ts';
import { SAMPLE_SCHEMAS } from './sampleSchemas.ts';

/** Fence languages holding JSON samples. */
export const JSON_LANGS: ReadonlySet<string> = new Set(['json', 'jsonc']);

/**
 * Checks a `json`/`jsonc` fence: it names a schema (`schema=TokenPairResponse`) that exists, and
 * its content, with placeholders standing for plausible values, is JSON that the schema accepts.
 * Problems are prefixed with `page:line` (the line of the offending JSON where known).
 */
export function checkJsonFence(fence: Fence, page: string): string[] {
	const lang = fence.lang.toLowerCase();
	if (!JSON_LANGS.has(lang)) return [];
	const at = `${page}:${fence.line}`;
	const name = fence.options.get('schema');
	const names = [...SAMPLE_SCHEMAS.keys()];
	if (name === undefined) {
		return [
			`${at}: ${lang} fence names no schema: add schema=<Name> to the info string ` +
				`(\`\`\`json schema=TokenPairResponse); one of ${names.join(', ')}`,
		];
	}
	const schema = SAMPLE_SCHEMAS.get(name);
	if (!schema) {
		const guess = closestMatch(name, names);
		return [
			`${at}: unknown schema "${name}"${guess ? ` (did you mean ${guess}?)` : ''}; one of ${names.join(', ')}`,
		];
	}
	// Blanks, not deletes, the comments: line numbers of what follows stay right.
	const text = lang === 'jsonc' ? stripComments(fence.code, ' ') : fence.code;
	const { text: json, unresolved } = substitutePlaceholders(text, EXAMPLE_VALUES);
	if (unresolved.length > 0) return [`${at}: unknown placeholder ${unresolved.join(', ')}`];
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch (error) {
		return [`${at}: not valid JSON: ${(error as Error).message}`];
	}
	const result = schema.safeParse(value);
	if (result.success) return [];
	// An unknown field is usually a typo of a known one: the most useful thing to say first.
	const issues = [...result.error.issues].sort(
		(a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys')
	);
	return issues.map((issue) => {
		const path = issue.path.map(String);
		const line = lineOf(fence, path);
		const where = path.length === 0 ? 'the body' : path.join('.');
		return `${page}:${line}: does not match ${name}: ${where}: ${describe(issue)}`;
	});
}

/** The page line of the key at `path`, or the fence's line when it cannot be found. */
function lineOf(fence: Fence, path: readonly string[]): number {
	const key = [...path].reverse().find((part) => !/^\d+$/.test(part));
	if (key === undefined) return fence.line;
	const index = fence.code.split('\n').findIndex((line) => line.includes(`"${key}"`));
	return index === -1 ? fence.line : fence.line + 1 + index;
}

function describe(issue: { code: string; message: string; keys?: readonly string[] }): string {
	if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys?.join(', ')}`;
	return `${apiMessage(issue.message) ?? issue.message} (${issue.code})`;
}

// Contract schemas carry catalogue ids (`unknownScope:x`) as messages: say what the API would say.
function apiMessage(message: string): string | undefined {
	const [id = '', param = ''] = message.split(/:(.*)/s);
	if (!Object.hasOwn(API_ERRORS, id)) return undefined;
	try {
		return errorBody(id as ApiErrorId, {
			scope: param,
			field: param,
			max_ttl: param,
			scopes: param,
		}).message;
	} catch {
		return undefined;
	}
}
