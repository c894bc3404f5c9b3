/**
 * The standards `npm test` enforces besides tests: an unused export or dependency fails
 * `npm run unused` (knip), a type error in `bench/` fails `npm run typecheck`, and a misformatted
 * file fails Prettier's check, which `npm test` runs. They are planted in one copy of the
 * repository (plantDefect.ts), each in a file of its own, because each tool reads the repository
 * whole.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createSandbox, type Sandbox } from './plantDefect.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TIMEOUT = 180_000;
let repo: Sandbox;
beforeAll(() => {
	repo = createSandbox();
	// The copy leaves bench/ out (its results are large); the bench check needs its sources.
	cpSync(join(ROOT, 'bench'), join(repo.dir, 'bench'), {
		recursive: true,
		filter: (source) => !source.includes(join('bench', 'results')),
	});
});
afterAll(() => repo.remove());

describe.concurrent('planted slips of standard turn npm test red', () => {
	test('npm test runs each of the checks below', ({ expect }) => {
		// `npm test` is src/verify/npmTest.ts, which runs npm scripts in two lanes.
		const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
			scripts: Record<string, string>;
		};
		const lanes = readFileSync(join(ROOT, 'src/verify/npmTest.ts'), 'utf8');
		expect(scripts['test']).toBe('node src/verify/npmTest.ts');
		for (const stage of ['typecheck', 'unused', 'format:check']) {
			expect(lanes).toContain(`['${stage}']`);
		}
		expect(scripts['typecheck']).toMatch(/--noEmit -p bench/);
	});

	test(
		'an export nothing imports and a dependency nothing uses: npm run unused fails naming both',
		async ({ expect }) => {
			repo.append('src/site/pageLabel.ts', '\nexport const PLANTED_UNUSED = 1;\n');
			repo.edit(
				'package.json',
				'"devDependencies": {',
				'"devDependencies": {\n    "nanospinner": "^1.2.2",'
			);
			const { status, output } = await repo.run('run', 'unused');
			expect(status).not.toBe(0);
			expect(output).toMatch(/PLANTED_UNUSED\s+src\/site\/pageLabel\.ts/);
			expect(output).toMatch(/nanospinner/);
		},
		TIMEOUT
	);

	test(
		'a type error in bench/: its type check, which npm run typecheck runs, fails naming the file',
		async ({ expect }) => {
			repo.append('bench/lib/median.ts', "\nexport const planted: number = 'not a number';\n");
			const { status, output } = await repo.run('exec', '--', 'tsgo', '--noEmit', '-p', 'bench');
			expect(status).not.toBe(0);
			expect(output).toMatch(/bench\/lib\/median\.ts\(\d+,\d+\): error TS2322/);
		},
		TIMEOUT
	);

	test(
		'a misformatted file: Prettier’s check fails naming it, and passes once it is formatted',
		async ({ expect }) => {
			const file = 'src/site/closestMatch.ts';
			repo.append(file, '\nexport const   planted = {a:1}\n');
			const planted = await repo.run('exec', '--', 'prettier', '--check', file);
			expect(planted.status).not.toBe(0);
			expect(planted.output).toContain(file);
			await repo.run('exec', '--', 'prettier', '--write', file);
			const formatted = await repo.run('exec', '--', 'prettier', '--check', file);
			expect(formatted.status).toBe(0);
		},
		TIMEOUT
	);
});
