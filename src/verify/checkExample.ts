/**
 * The fast loop for one example: `npm run check:example -- refresh/token-manager.ts`.
 *
 * Runs, for that example alone, what `npm test` would fail on: its type check (with its test),
 * the reference checks that concern it (its regions shown, its test importing it, the pages'
 * tags resolving), the lint of every page that shows it, and its test with the coverage
 * threshold. Seconds instead of the whole suite; `npm test` remains the gate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main as markdownlintCli2 } from 'markdownlint-cli2';
import ts from 'typescript';
import { checkExampleReferences, scanPages } from './checks/checkExampleReferences.ts';
import { readRepoFiles } from './checks/readRepoFiles.ts';
import { exampleTestPath } from '../site/resolveExample.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** One step's verdict, and what to print under it. */
interface Step {
	name: string;
	ok: boolean;
	output: string;
}

function typecheck(files: readonly string[]): Step {
	const config = ts.getParsedCommandLineOfConfigFile(
		join(ROOT, 'tsconfig.json'),
		{},
		{ ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} }
	);
	if (!config) return { name: 'typecheck', ok: false, output: 'tsconfig.json could not be read' };
	const host = ts.createCompilerHost(config.options);
	host.getCurrentDirectory = () => ROOT;
	const program = ts.createProgram({
		// The project's declaration files too (.astro/types.d.ts types a `?raw` import).
		rootNames: [
			...files.map((file) => join(ROOT, file)),
			...config.fileNames.filter((file) => file.endsWith('.d.ts')),
		],
		options: config.options,
		host,
	});
	const diagnostics = ts.getPreEmitDiagnostics(program);
	return {
		name: `typecheck ${files.join(', ')}`,
		ok: diagnostics.length === 0,
		output: ts.formatDiagnostics(diagnostics, host),
	};
}

function references(example: string, testFile: string, pages: readonly string[]): Step {
	const concerned = new Set([`examples/${example}`, testFile, ...pages]);
	const findings = checkExampleReferences(readRepoFiles(ROOT)).filter((finding) =>
		concerned.has(finding.path)
	);
	return {
		name: 'references (regions shown, tags resolve, test imports the example)',
		ok: findings.length === 0,
		output: findings.map((finding) => finding.message).join('\n'),
	};
}

async function lint(pages: readonly string[]): Promise<Step> {
	if (pages.length === 0) return { name: 'lint: no page shows it', ok: true, output: '' };
	const lines: string[] = [];
	const exitCode = await markdownlintCli2({
		directory: ROOT,
		argv: [...pages],
		noGlobs: true,
		logMessage: () => {},
		logError: (message: string) => lines.push(message),
	});
	return { name: `lint ${pages.join(', ')}`, ok: exitCode === 0, output: lines.join('\n') };
}

/**
 * The example's test and every other test that imports it (its coverage in `npm test` is what
 * all of them execute), with the coverage threshold on the example alone.
 */
function test(example: string, testFile: string): Step {
	const imported = `examples/${example}`;
	const testFiles = [
		...new Set([
			testFile,
			...globSync('tests/**/*.test.ts', { cwd: ROOT, exclude: ['tests/e2e/**'] }).filter((file) =>
				readFileSync(join(ROOT, file), 'utf8').includes(imported)
			),
		]),
	].sort();
	const result = spawnSync(
		process.execPath,
		[
			join(ROOT, 'node_modules/vitest/vitest.mjs'),
			'run',
			...testFiles,
			// Coverage measures TypeScript; a configuration example is checked by running it.
			...(example.endsWith('.ts') ? ['--coverage', `--coverage.include=examples/${example}`] : []),
		],
		{ cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } }
	);
	return {
		name: `test ${testFiles.join(', ')} (with the coverage threshold)`,
		ok: result.status === 0,
		output: `${result.stdout}${result.stderr}`.trim(),
	};
}

async function main(argument: string | undefined): Promise<number> {
	const example = argument?.replace(/^(\.\/)?examples\//, '');
	if (!example || !existsSync(join(ROOT, 'examples', example))) {
		console.error(
			`usage: npm run check:example -- <topic>/<name>.ts (a file under examples/)` +
				(example ? `\nno such example: examples/${example}` : '')
		);
		return 2;
	}
	const testFile = exampleTestPath(example);
	const pages = [
		...new Set(
			scanPages(readRepoFiles(ROOT).pages)
				.references.filter((reference) => reference.file === example)
				.map((reference) => reference.page)
		),
	].sort();
	const steps = [
		// A configuration example (nginx.conf) is not TypeScript: only its test is type-checked.
		typecheck(
			[`examples/${example}`, testFile].filter(
				(file) => file.endsWith('.ts') && existsSync(join(ROOT, file))
			)
		),
		references(example, testFile, pages),
		await lint(pages),
		test(example, testFile),
	];
	for (const step of steps) {
		console.log(`${step.ok ? '✓' : '✗'} ${step.name}`);
		if (!step.ok && step.output) console.log(indent(step.output));
	}
	const failed = steps.filter((step) => !step.ok).length;
	console.log(
		failed === 0 ? `examples/${example}: all good` : `examples/${example}: ${failed} failed`
	);
	return failed === 0 ? 0 : 1;
}

function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => `    ${line}`)
		.join('\n');
}

process.exitCode = await main(process.argv[2]);
