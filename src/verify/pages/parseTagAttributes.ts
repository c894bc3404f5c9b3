import { ExampleTagError } from './ExampleTagError.ts';
import { lineAt } from './lineAt.ts';

/** The value of one JSX attribute, as far as a static check can tell. */
export type AttributeValue =
	| { kind: 'string'; value: string }
	| { kind: 'expression'; text: string }
	| { kind: 'boolean' };

/** A JSX opening tag's attributes and the offset just past its `>` or `/>`. */
export interface ParsedTag {
	attributes: Map<string, AttributeValue>;
	end: number;
}

/**
 * Parse the attributes of the JSX opening tag whose name ends at `offset` in `source`.
 * Spread attributes, duplicate attributes and unterminated tags throw an `ExampleTagError`.
 */
export function parseTagAttributes(source: string, offset: number, tagLine: number): ParsedTag {
	const attributes = new Map<string, AttributeValue>();
	let i = offset;
	const fail = (detail: string, at = i): never => {
		throw new ExampleTagError(detail, at >= source.length ? tagLine : lineAt(source, at));
	};
	const skipSpace = () => {
		while (i < source.length && /\s/.test(source[i] ?? '')) i++;
	};

	for (;;) {
		skipSpace();
		if (i >= source.length) return fail('unterminated tag: no closing ">" or "/>"', offset);
		if (source.startsWith('/>', i)) return { attributes, end: i + 2 };
		if (source[i] === '>') return { attributes, end: i + 1 };
		if (source[i] === '{') {
			return fail('spread attributes ({...props}) are not allowed; write each attribute out');
		}
		const name = /^[A-Za-z_$][\w$:.-]*/.exec(source.slice(i))?.[0];
		if (!name) return fail(`unexpected character "${source[i]}" in tag`);
		if (attributes.has(name)) return fail(`attribute "${name}" is given twice`);
		i += name.length;
		skipSpace();
		if (source[i] !== '=') {
			attributes.set(name, { kind: 'boolean' });
			continue;
		}
		i++;
		skipSpace();
		const quote = source[i];
		if (quote === '"' || quote === "'") {
			const close = source.indexOf(quote, i + 1);
			if (close === -1) return fail(`unterminated string in attribute "${name}"`);
			attributes.set(name, { kind: 'string', value: source.slice(i + 1, close) });
			i = close + 1;
		} else if (quote === '{') {
			const close = matchingBrace(source, i);
			if (close === -1) return fail(`unterminated {expression} in attribute "${name}"`);
			attributes.set(name, { kind: 'expression', text: source.slice(i, close + 1) });
			i = close + 1;
		} else {
			return fail(`attribute "${name}" needs a quoted value or an {expression}`);
		}
	}
}

// Skips over string and template literals so a brace inside `'}'` does not end the expression.
function matchingBrace(source: string, open: number): number {
	let depth = 0;
	for (let i = open; i < source.length; i++) {
		const char = source[i];
		if (char === '"' || char === "'" || char === '`') {
			const close = closingQuote(source, i);
			if (close === -1) return -1;
			i = close;
		} else if (char === '{') {
			depth++;
		} else if (char === '}') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

function closingQuote(source: string, open: number): number {
	const quote = source[open];
	for (let i = open + 1; i < source.length; i++) {
		if (source[i] === '\\') i++;
		else if (source[i] === quote) return i;
	}
	return -1;
}
