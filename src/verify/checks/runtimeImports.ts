import { posix } from 'node:path';
import ts from 'typescript';

/**
 * The repository-relative paths a TypeScript file imports at run time: static imports (not
 * `import type`), re-exports (not `export type`) and literal dynamic `import()`s. Uses the
 * TypeScript parser so commented-out imports do not count.
 */
export function runtimeImports(path: string, source: string): string[] {
	const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
	const specifiers: string[] = [];
	const visit = (node: ts.Node): void => {
		if (
			ts.isImportDeclaration(node) &&
			node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword &&
			ts.isStringLiteral(node.moduleSpecifier)
		) {
			specifiers.push(node.moduleSpecifier.text);
		} else if (
			ts.isExportDeclaration(node) &&
			!node.isTypeOnly &&
			node.moduleSpecifier &&
			ts.isStringLiteral(node.moduleSpecifier)
		) {
			specifiers.push(node.moduleSpecifier.text);
		} else if (
			ts.isCallExpression(node) &&
			node.expression.kind === ts.SyntaxKind.ImportKeyword &&
			node.arguments[0] &&
			ts.isStringLiteralLike(node.arguments[0])
		) {
			specifiers.push(node.arguments[0].text);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return (
		specifiers
			.filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
			// `x.conf?raw` imports the file x.conf (as text).
			.map((specifier) => posix.join(posix.dirname(path), specifier.replace(/\?.*$/, '')))
	);
}
