/**
 * Planting defects without copying the repository: the planted text lives in memory and is
 * handed to the very tool `npm test` runs, through the API that tool offers for it.
 *
 * To add a planted defect in a page's prose (a rule such as TPD004 catching a wrong status,
 * lifetime or cookie attribute in a sentence):
 *
 *     const planted = plantText('src/content/docs/guides/sessions.mdx', {
 *       find: 'expires after 30 days',
 *       replace: 'expires after 7 days',
 *     });
 *     const result = await lintPlanted(planted);
 *     expect(result.exitCode).not.toBe(0);
 *     expectFinding(result.output, planted, 'TPD004');
 *
 * `plantText` fails loudly when `find` is not on the page (a test that plants nothing would pass
 * for the wrong reason) and knows the line the planted text starts on; `lintPlanted` runs
 * markdownlint-cli2 itself, with the repository's own configuration and rules (a rule added to
 * `.markdownlint-cli2.jsonc` takes part at once), on that one page as planted; `expectFinding`
 * wants the finding to name the page, the planted line and the rule.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { main as markdownlintCli2 } from 'markdownlint-cli2';
import { API, DiagnosticCategory, type Diagnostic } from '@typescript/native-preview/unstable/sync';
import { expect } from 'vitest';
import {
	checkExampleReferences,
	type Finding,
} from '../../src/verify/checks/checkExampleReferences.ts';
import { readRepoFiles } from '../../src/verify/checks/readRepoFiles.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A repository file's text with one defect planted in it, in memory only. */
export interface PlantedText {
	/** Relative to the repository root, `/`-separated. */
	file: string;
	text: string;
	/** The 1-based line on which the planted text begins. */
	line: number;
}

/** What to plant: text appended to the file, or one occurrence of `find` replaced. */
export type Plant = { append: string } | { find: string; replace: string };

/** A file of the repository as it would read with `plant` applied. */
export function plantText(file: string, plant: Plant): PlantedText {
	const before = readFileSync(join(ROOT, file), 'utf8');
	if ('append' in plant) {
		const start = before.length + (plant.append.length - plant.append.trimStart().length);
		const text = before + plant.append;
		return { file, text, line: lineAt(text, start) };
	}
	const index = before.indexOf(plant.find);
	if (index === -1) throw new Error(`planting failed: ${plant.find} not found in ${file}`);
	const text = before.slice(0, index) + plant.replace + before.slice(index + plant.find.length);
	return { file, text, line: lineAt(text, index) };
}

function lineAt(text: string, index: number): number {
	return text.slice(0, index).split('\n').length;
}

/** What a tool said: its exit code and everything it printed. */
export interface ToolResult {
	exitCode: number;
	output: string;
	/** For `testPlanted`: the titles of the tests that failed. */
	failedTests?: string[];
}

/**
 * `npm run lint` on one page as planted: markdownlint-cli2's own `main`, in this process, with
 * the repository's configuration files and custom rules, reading the planted text instead of
 * the file on disk.
 */
export async function lintPlanted(planted: PlantedText): Promise<ToolResult> {
	const lines: string[] = [];
	const exitCode = await markdownlintCli2({
		directory: ROOT,
		argv: [planted.file],
		noGlobs: true,
		fileContents: { [planted.file]: planted.text },
		logMessage: (message: string) => lines.push(message),
		logError: (message: string) => lines.push(message),
	});
	return { exitCode, output: lines.join('\n') };
}

/** Expects a finding, as the lint prints it, that names the planted file, its line and `rule`. */
export function expectFinding(output: string, planted: PlantedText, rule: string): void {
	expect(output).toContain(`${planted.file}:${planted.line}`);
	const finding = output
		.split('\n')
		.find((line) => line.startsWith(`${planted.file}:${planted.line}`));
	expect(finding).toMatch(new RegExp(`^${planted.file}:${planted.line}(:\\d+)? error ${rule}`));
}

/**
 * `tsgo --noEmit` as `npm run typecheck` runs it (the repository's tsconfig), with the planted
 * text read from memory: the native compiler's own API loads the project through a file system
 * whose `readFile` hands it the planted file. Reports the planted file's diagnostics (a defect
 * inside one file shows up there exactly as in the whole program), formatted like tsgo's output.
 */
export function typecheckPlanted(planted: PlantedText): ToolResult {
	const path = join(ROOT, planted.file);
	const api = new API({
		cwd: ROOT,
		fs: { readFile: (name) => (resolve(name) === path ? planted.text : undefined) },
	});
	try {
		const tsconfig = join(ROOT, 'tsconfig.json');
		const program = api.updateSnapshot({ openProjects: [tsconfig] }).getProject(tsconfig)?.program;
		if (!program) throw new Error('tsconfig.json could not be loaded');
		const diagnostics = [
			...program.getConfigFileParsingDiagnostics(),
			...program.getSyntacticDiagnostics(path),
			...program.getSemanticDiagnostics(path),
		];
		return {
			exitCode: diagnostics.length === 0 ? 0 : 2,
			output: diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, planted)).join(''),
		};
	} finally {
		api.close();
	}
}

/** `file(line,column): error TS1234: message`, and the message's chain indented, as tsgo prints. */
function formatDiagnostic(diagnostic: Diagnostic, planted: PlantedText): string {
	const chain = (parent: Diagnostic, depth: number): string =>
		(parent.messageChain ?? [])
			.map((child) => `\n${'  '.repeat(depth)}${child.text}${chain(child, depth + 1)}`)
			.join('');
	const category = DiagnosticCategory[diagnostic.category].toLowerCase();
	const message = `${category} TS${diagnostic.code}: ${diagnostic.text}${chain(diagnostic, 1)}\n`;
	if (diagnostic.fileName === undefined) return message;
	const file = relative(ROOT, diagnostic.fileName).split(sep).join('/');
	const text = file === planted.file ? planted.text : readFileSync(diagnostic.fileName, 'utf8');
	const before = text.slice(0, diagnostic.pos).split('\n');
	return `${file}(${before.length},${(before.at(-1)?.length ?? 0) + 1}): ${message}`;
}

/**
 * The example reference checks (`tests/site`) on the repository with one file as planted: the
 * checks take every file in memory, so this is exactly what they find in a copy.
 */
export function checkReferencesPlanted(planted: PlantedText): Finding[] {
	const files = readRepoFiles(ROOT);
	const example = planted.file.startsWith('examples/')
		? planted.file.slice('examples/'.length)
		: undefined;
	return checkExampleReferences({
		pages: files.pages.map((page) =>
			page.path === planted.file ? { path: page.path, source: planted.text } : page
		),
		examples:
			example === undefined ? files.examples : { ...files.examples, [example]: planted.text },
		tests: files.tests,
	});
}

/**
 * Runs test files with vitest's own Node API in this process, the planted file served from
 * memory by a Vite plugin in place of the one on disk: what `vitest run <files>` would say in a
 * copy. Returns the failures' messages as output.
 */
export async function testPlanted(
	planted: PlantedText,
	...testFiles: string[]
): Promise<ToolResult> {
	const { startVitest } = await import('vitest/node');
	const path = join(ROOT, planted.file);
	const vitest = await startVitest(
		'test',
		testFiles,
		{
			root: ROOT,
			watch: false,
			reporters: [{}],
			coverage: { enabled: false },
			// Never persist the planted module: the cache is keyed on the file on disk, so a later
			// real run would be handed the defect.
			fsModuleCache: false,
		},
		{
			plugins: [
				{
					name: 'plant-in-memory',
					enforce: 'pre',
					load: (id: string) => (id.split('?')[0] === path ? planted.text : null),
				},
			],
		}
	);
	try {
		const errors = vitest.state
			.getFiles()
			.flatMap((file) => [file, ...allTasks(file)])
			.flatMap((task) => task.result?.errors ?? [])
			.map((error) => String(error.message ?? error));
		const failed = vitest.state.getCountOfFailedTests() > 0 || errors.length > 0;
		// The titles of the failed tests, so a planted behaviour defect can name the row it breaks.
		const failedTests = vitest.state
			.getFiles()
			.flatMap((file) => allTasks(file))
			.filter((task) => task.type === 'test' && task.result?.state === 'fail')
			.map((task) => task.name ?? '');
		return {
			exitCode: failed ? 1 : 0,
			output: errors.join('\n'),
			failedTests,
		};
	} finally {
		await vitest.close();
	}
}

type Task = {
	type?: string;
	name?: string;
	result?: { state?: string; errors?: { message?: string }[] };
	tasks?: Task[];
};

function allTasks(task: Task): Task[] {
	return (task.tasks ?? []).flatMap((child) => [child, ...allTasks(child)]);
}
