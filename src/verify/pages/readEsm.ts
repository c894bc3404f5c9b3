/** The ESM of an MDX page, read with TypeScript's parser: what it imports and the strings it holds. */
import ts from 'typescript';
import type { PageImport } from './readPage.ts';

/** The names an ESM block imports and the strings it holds, read with TypeScript's parser. */
export function readEsm(
	esm: string,
	firstLine: number
): { imports: PageImport[]; strings: { value: string; line: number }[] } {
	const imports: PageImport[] = [];
	const esmStrings: { value: string; line: number }[] = [];
	const file = ts.createSourceFile(
		'page.tsx',
		esm,
		ts.ScriptTarget.Latest,
		true,
		ts.ScriptKind.TSX
	);
	const lineOf = (node: ts.Node) =>
		firstLine + file.getLineAndCharacterOfPosition(node.getStart()).line;
	const strings = (node: ts.Node): void => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
			esmStrings.push({ value: node.text, line: lineOf(node) });
		}
		node.forEachChild(strings);
	};
	strings(file);
	for (const statement of file.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
			continue;
		}
		const source = statement.moduleSpecifier.text;
		const line = lineOf(statement);
		const add = (local: string, imported: string) =>
			imports.push({ local, imported, source, line });
		const clause = statement.importClause;
		if (clause?.name) add(clause.name.text, 'default');
		const bindings = clause?.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, '*');
		else if (bindings) {
			for (const element of bindings.elements) {
				add(element.name.text, (element.propertyName ?? element.name).text);
			}
		}
		// A side-effect import names nothing, but the rules still want to see it.
		if (!clause) add('', '');
	}
	return { imports, strings: esmStrings };
}
