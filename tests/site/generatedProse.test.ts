/**
 * Generated prose states facts the way pages do: the troubleshooting data and the API reference's
 * helpers are read by TPD004's fact checker, string literal by string literal, so a value typed
 * into them ("16 KiB", "`201`") fails here as it would on a page. A `${…}` stands for what the
 * code computes there, such as `factMarkdown(…)`.
 */
import { globSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { isFactName } from '../../src/site/facts.ts';
import { findHandTypedFacts } from '../../src/verify/lint/facts/findHandTypedFacts.ts';
import type { ProsePiece } from '../../src/verify/lint/readProse.ts';

const FILES = globSync('src/{data,site/reference}/**/*.ts').sort();

/** Each string literal and template of a file, as one prose text, with its line. */
function literalsOf(file: string): { text: string; line: number }[] {
	const source = ts.createSourceFile(
		file,
		readFileSync(file, 'utf8'),
		ts.ScriptTarget.Latest,
		true
	);
	const found: { text: string; line: number }[] = [];
	const visit = (node: ts.Node): void => {
		const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
			// A fact's name (`factMarkdown('cookie.httpOnly')`) is how a fact is rendered.
			if (!isFactName(node.text)) found.push({ text: node.text, line });
		} else if (ts.isTemplateExpression(node)) {
			const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
			found.push({ text: parts.join('‹fact›'), line });
		}
		// Imports name modules, not facts.
		if (!ts.isImportDeclaration(node)) node.forEachChild(visit);
	};
	visit(source);
	return found;
}

/** A text as one block of prose: backticks mark code, as `factMarkdown` writes it. */
function findingsIn(text: string, line: number) {
	const pieces: ProsePiece[] = [];
	let column = 1;
	text.split('`').forEach((part, index) => {
		if (part) pieces.push({ text: part, code: index % 2 === 1, line, column });
		column += part.length + 1;
	});
	return findHandTypedFacts([{ where: 'body', pieces }]);
}

describe('generated prose has no hand-typed fact', () => {
	test('the files are found', () => {
		expect(FILES).toEqual(expect.arrayContaining(['src/data/troubleshooting.ts']));
		expect(FILES.length).toBeGreaterThan(2);
	});

	test.each(FILES)('%s', (file) => {
		const found = literalsOf(file).flatMap(({ text, line }) =>
			findingsIn(text, line)
				// A status no sentence ties to an endpoint names a class of answers ("a `400`", a
				// fault's `503`), not one fact: data has no <NotAFact> to say so.
				.filter((fact) => fact.kind !== 'status' || fact.fact !== undefined)
				.map(
					(fact) => `${file}:${line}: "${fact.typed}" (${fact.fact ?? fact.candidates?.join(', ')})`
				)
		);
		expect(found).toEqual([]);
	});

	test('a typed fact in a literal is found', () => {
		expect(findingsIn('The request’s headers add up to more than 16 KiB.', 1)).toMatchObject([
			{ typed: '16 KiB', fact: 'limit.headers' },
		]);
	});
});
