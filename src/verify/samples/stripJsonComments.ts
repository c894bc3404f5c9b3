/** Blanks `//` and `/* *\/` comments outside strings (for `jsonc` fences), keeping line numbers. */
export function stripJsonComments(text: string): string {
	let result = '';
	let i = 0;
	while (i < text.length) {
		const char = text[i] ?? '';
		if (char === '"') {
			const end = stringEnd(text, i);
			result += text.slice(i, end);
			i = end;
		} else if (text.startsWith('//', i)) {
			const end = text.indexOf('\n', i);
			i = end === -1 ? text.length : end;
		} else if (text.startsWith('/*', i)) {
			const end = text.indexOf('*/', i + 2);
			const stop = end === -1 ? text.length : end + 2;
			result += text.slice(i, stop).replace(/[^\n]/g, ' ');
			i = stop;
		} else {
			result += char;
			i++;
		}
	}
	return result;
}

function stringEnd(text: string, start: number): number {
	let i = start + 1;
	while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
	return Math.min(i + 1, text.length);
}
