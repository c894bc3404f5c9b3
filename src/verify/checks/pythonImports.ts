/**
 * The modules a Python file imports: `import a`, `import a.b as c, d`, `from a import x`, at the
 * start of a line (at any indentation), with comments and the text of triple-quoted strings left
 * out. Relative imports (`from . import x`) name no module and are skipped. Enough for "does this
 * test import its example", the only question asked of it; Python itself is not needed to answer.
 */
export function pythonImports(source: string): string[] {
	const modules: string[] = [];
	let inString: string | undefined;
	for (const line of source.split(/\r?\n/)) {
		const text = line.trim();
		if (inString !== undefined) {
			// Inside a docstring: only its end matters.
			if (text.includes(inString)) inString = undefined;
			continue;
		}
		const opening = /^[rbuRBU]?("""|''')/.exec(text);
		if (opening !== null) {
			const quotes = opening[1]!;
			if (!text.slice(opening[0].length).includes(quotes)) inString = quotes;
			continue;
		}
		const from = /^from\s+([A-Za-z_][\w.]*)\s+import\b/.exec(text);
		if (from !== null) {
			modules.push(from[1]!);
			continue;
		}
		const plain = /^import\s+(.+)$/.exec(text);
		if (plain === null) continue;
		for (const part of plain[1]!.split('#')[0]!.split(',')) {
			const name = /^\s*([A-Za-z_][\w.]*)/.exec(part)?.[1];
			if (name !== undefined) modules.push(name);
		}
	}
	return modules;
}
