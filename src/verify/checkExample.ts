/**
 * The fast loop for one example: `npm run check:example -- refresh/token-manager.ts`.
 *
 * Runs, for that example alone, what `npm test` would fail on: its type check (with its test),
 * the reference checks that concern it (its regions shown, its test importing it, the pages'
 * tags resolving), the lint of every page that shows it, and the tests that import it, those of
 * `tests/examples/` with the coverage threshold (as `npm test` counts it). Seconds instead of the
 * whole suite; `npm test` remains the gate.
 *
 * The steps run side by side, each tool in a process of its own (tsgo on just these files, two
 * vitest runs), the reference checks and the lint in this one; the output comes in order.
 */
import { spawn } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { main as markdownlintCli2 } from 'markdownlint-cli2';
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

/** Runs a command of the project's own (Node 24, the local binaries); its status and output. */
function run(command: string, args: readonly string[]): Promise<{ ok: boolean; output: string }> {
	const child = spawn(command, args, {
		cwd: ROOT,
		// Colours only for a terminal: the output is printed as it came, indented.
		env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
	child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
	return new Promise((resolve) => {
		child.once('error', (error) => resolve({ ok: false, output: String(error) }));
		child.once('close', (status) => resolve({ ok: status === 0, output: output.trim() }));
	});
}

/**
 * `tsgo --noEmit` with the repository's settings on these files and what they import: a
 * tsconfig that extends the repository's, kept where packages resolve as from the root.
 */
async function typecheck(files: readonly string[]): Promise<Step> {
	const dir = join(ROOT, 'node_modules/.cache/check-example');
	mkdirSync(dir, { recursive: true });
	const config = join(dir, 'tsconfig.json');
	const fromDir = (file: string) => relative(dir, join(ROOT, file));
	writeFileSync(
		config,
		JSON.stringify({
			extends: fromDir('tsconfig.json'),
			include: [],
			files: ['.astro/types.d.ts', ...files].map(fromDir),
		})
	);
	const tsgo = join(ROOT, 'node_modules/.bin/tsgo');
	const { ok, output } = await run(tsgo, [
		'--noEmit',
		'--pretty',
		String(process.stdout.isTTY === true),
		'-p',
		config,
	]);
	return { name: `typecheck ${files.join(', ')}`, ok, output };
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
 * The tests that import the example: those of `tests/examples/` with the coverage threshold on
 * the example (what `npm test` counts toward it), the others (pages, site) in a run of their own.
 */
function tests(example: string, testFile: string): Promise<Step>[] {
	const imported = `examples/${example}`;
	const importing = [
		...new Set([
			...(existsSync(join(ROOT, testFile)) ? [testFile] : []),
			...globSync('tests/**/*.test.ts', {
				cwd: ROOT,
				exclude: ['tests/e2e/**', 'tests/drift/**'],
			}).filter((file) => readFileSync(join(ROOT, file), 'utf8').includes(imported)),
		]),
	].sort();
	const own = importing.filter((file) => file.startsWith('tests/examples/'));
	const others = importing.filter((file) => !file.startsWith('tests/examples/'));
	const vitest = (files: string[], extra: string[]) =>
		run(process.execPath, [
			join(ROOT, 'node_modules/vitest/vitest.mjs'),
			'run',
			...files,
			...extra,
		]);
	return [
		vitest(own, ['--coverage', `--coverage.include=${imported}`]).then(({ ok, output }) => ({
			name: `test ${own.join(', ')} (with the coverage threshold)`,
			ok: ok && own.length > 0,
			output: own.length > 0 ? output : `no test in tests/examples/ imports ${imported}`,
		})),
		...(others.length === 0
			? []
			: [
					vitest(others, []).then(({ ok, output }) => ({
						name: `test ${others.join(', ')}`,
						ok,
						output,
					})),
				]),
	];
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
	const steps = await Promise.all([
		typecheck(
			[`examples/${example}`, testFile].filter(
				(file) => file.endsWith('.ts') && existsSync(join(ROOT, file))
			)
		),
		...tests(example, testFile),
		Promise.resolve(references(example, testFile, pages)),
		lint(pages),
	]);
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
