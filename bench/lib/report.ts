import { nonHtml } from './pageBytes.ts';

/** What one `npm run bench` measured. */
export interface BenchResult {
	date: string;
	runs: number;
	pages: Record<
		string,
		{
			raw: Record<string, number>;
			gzip: Record<string, number>;
			files: { path: string; kind: string; bytes: number }[];
		}
	>;
	lighthouse: Record<
		string,
		{
			scores: Record<string, number>;
			runs: Record<string, number>[];
			failing: { id: string; title: string; score: number | null; items?: string[] }[];
		}
	>;
	goals?: { goal: string; value: string; met: boolean }[];
}

const KINDS = ['document', 'script', 'stylesheet', 'font', 'image', 'other'];
const VANILLA = 'vanilla Starlight page';

/** Bytes per page and kind, decoded / gzipped, with the non-HTML ratio to vanilla. */
export function bytesTable(result: BenchResult): string {
	const vanilla = result.pages[VANILLA];
	const rows = Object.entries(result.pages).map(([name, { raw, gzip }]) => {
		const cells = KINDS.map((kind) => `${raw[kind] ?? 0} / ${gzip[kind] ?? 0}`);
		const ratio = vanilla ? nonHtml(raw) / nonHtml(vanilla.raw) : Number.NaN;
		const gzipRatio = vanilla ? nonHtml(gzip) / nonHtml(vanilla.gzip) : Number.NaN;
		return [
			name,
			...cells,
			`${nonHtml(raw)} / ${nonHtml(gzip)}`,
			`${ratio.toFixed(3)} / ${gzipRatio.toFixed(3)}`,
		];
	});
	return table(['page', ...KINDS, 'non-HTML', 'non-HTML ÷ vanilla'], rows);
}

/** Median Lighthouse scores per page, and the audits that did not pass in some run. */
export function lighthouseTable(result: BenchResult): string {
	const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
	const rows = Object.entries(result.lighthouse).map(([name, { scores, runs, failing }]) => [
		name,
		...categories.map(
			(category) => `${scores[category]} (${runs.map((run) => run[category]).join(', ')})`
		),
		failing
			.map((audit) => {
				const items = audit.items?.length ? `: ${audit.items.join('; ')}` : '';
				return `${audit.id} (${audit.score})${audit.id === 'errors-in-console' ? items : ''}`;
			})
			.join(', ') || '—',
	]);
	return table(['page', ...categories.map((c) => `${c} (runs)`), 'audits not passed'], rows);
}

/** Each goal, its measured value, and whether it was met. */
export function goalsTable(result: BenchResult): string {
	return table(
		['goal', 'measured', 'met'],
		(result.goals ?? []).map(({ goal, value, met }) => [goal, value, met ? 'yes' : 'NO'])
	);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
