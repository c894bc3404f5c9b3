/** A line an example wrote to the console while it ran. */
export interface LoggedLine {
	level: 'log' | 'info' | 'warn' | 'error' | 'debug';
	text: string;
}

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Runs `work` with the console's writing methods recording into `lines` instead of printing,
 * and restores them when `work` settles. Nothing reaches the real console, so a token an example
 * logs never lands in the developer tools unredacted.
 */
export async function captureConsole<T>(lines: LoggedLine[], work: () => Promise<T>): Promise<T> {
	const originals = LEVELS.map((level) => [level, console[level]] as const);
	for (const level of LEVELS) {
		console[level] = (...args: unknown[]) => {
			lines.push({ level, text: args.map(formatArgument).join(' ') });
		};
	}
	try {
		return await work();
	} finally {
		for (const [level, original] of originals) console[level] = original;
	}
}

/** How a console argument or a result reads in the panel. */
export function formatArgument(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Error) return `${value.name}: ${value.message}`;
	if (value === undefined) return 'undefined';
	if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
	if (typeof value === 'bigint') return `${value}n`;
	try {
		return JSON.stringify(value, null, 2) ?? String(value);
	} catch {
		return String(value);
	}
}
