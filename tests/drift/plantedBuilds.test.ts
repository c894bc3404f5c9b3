/**
 * Planted defects that only a whole run of a tool over the repository can show (a site build, a
 * coverage report), so each gets a throwaway copy of the repository (plantDefect.ts). The rest
 * are planted in memory: plantedDefects.test.ts. The dead internal link shares the build of
 * accessLifetimeDrift.test.ts, as the link check runs once every page is written.
 */
import { afterAll, describe, test } from 'vitest';
import { createSandbox, type Sandbox } from './plantDefect.ts';

const TIMEOUT = 180_000;
const sandboxes: Sandbox[] = [];
afterAll(() => {
	for (const sandbox of sandboxes.splice(0)) sandbox.remove();
});

function plant(): Sandbox {
	const sandbox = createSandbox();
	sandboxes.push(sandbox);
	return sandbox;
}

// Side by side: each is a process of its own, and they share nothing but the read-only repository.
describe.concurrent('planted defects turn npm test red', () => {
	test(
		'a page showing a region that does not exist: the build fails naming page, file and region',
		async ({ expect }) => {
			const repo = plant();
			repo.edit(
				'src/content/docs/start/quick-start.mdx',
				'region="send-message"',
				'region="send-mesage"'
			);
			const { status, output } = await repo.run('run', 'build');
			expect(status).not.toBe(0);
			expect(output).toMatch(
				/region "send-mesage" does not exist in examples\/quick-start\/send-message\.ts/
			);
			expect(output).toMatch(/quick-start\.mdx/);
		},
		TIMEOUT
	);

	test(
		'example code that no test executes: the coverage threshold fails naming the file',
		async ({ expect }) => {
			const repo = plant();
			repo.append(
				'examples/quick-start/send-message.ts',
				"\nexport function neverCalled(text: string): string {\n\tconst trimmed = text.trim();\n\tif (trimmed === '') {\n\t\treturn '(empty)';\n\t}\n\tconst words = trimmed.split(/\\s+/);\n\tconst first = words[0] ?? '';\n\tconst rest = words.slice(1).join(' ');\n\treturn `${first.toUpperCase()} ${rest}`;\n}\n"
			);
			const { status, output } = await repo.run(
				'exec',
				'--',
				'vitest',
				'run',
				'--coverage',
				'tests/examples/quick-start/send-message.test.ts',
				'--coverage.include=examples/quick-start/send-message.ts'
			);
			expect(status).not.toBe(0);
			expect(output).toMatch(/send-message\.ts/);
			expect(output).toMatch(/does not meet/);
		},
		TIMEOUT
	);
});
