/**
 * The defects this project exists to stop, planted one at a time in a copy of the repository: each
 * must turn the check that guards against it red, with a message that names the place.
 *
 * Slow by nature (each case runs a real tool on a real copy), so each case runs only the one check
 * that must catch it; `npm test` runs all of those checks anyway.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from './plantDefect.ts';

const TIMEOUT = 180_000;
let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.remove());

function plant(): Sandbox {
	sandbox = createSandbox();
	return sandbox;
}

describe('planted defects turn npm test red', () => {
	test(
		'a call to a method that does not exist, in an example: the type check fails naming file and line',
		() => {
			const repo = plant();
			repo.edit(
				'examples/quick-start/send-message.ts',
				'if (!response.ok) {',
				'if (!response.okay) {'
			);
			const { status, output } = repo.run('run', 'typecheck');
			expect(status).not.toBe(0);
			expect(output).toMatch(
				/examples\/quick-start\/send-message\.ts\(\d+,\d+\): error TS\d+: Property 'okay' does not exist/
			);
		},
		TIMEOUT
	);

	test(
		'`=== 200` where the API answers 201: the example’s test fails',
		() => {
			const repo = plant();
			repo.edit(
				'examples/quick-start/issue-token-pair.ts',
				'if (!response.ok) {',
				'if (response.status !== 200) {'
			);
			const { status, output } = repo.run(
				'exec',
				'--',
				'vitest',
				'run',
				'tests/examples/quick-start/issue-token-pair.test.ts'
			);
			expect(status).not.toBe(0);
			expect(output).toMatch(/issuing a token pair failed: 201/);
		},
		TIMEOUT
	);

	test(
		'seconds compared with milliseconds: the refresh schedule’s test fails',
		() => {
			const repo = plant();
			repo.edit(
				'examples/token-pairs/refresh-delay.ts',
				'const margin = marginSeconds * 1000;',
				'const margin = marginSeconds;'
			);
			const { status, output } = repo.run(
				'exec',
				'--',
				'vitest',
				'run',
				'tests/examples/token-pairs/refresh-delay.test.ts'
			);
			expect(status).not.toBe(0);
			expect(output).toMatch(/expected 899940 to be 840000/);
		},
		TIMEOUT
	);

	test.each([
		{ name: 'an unlabeled fence', text: '\n```\ncurl https://example.test\n```\n', rule: 'TPD001' },
		{
			name: 'a JWT-shaped literal',
			// Assembled here so the repository itself holds no JWT-shaped literal for scanners to flag.
			text: `\nSend \`Bearer ${['eyJhbGciOiJFUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJl'].join('.')}\`.\n`,
			rule: 'TPD002',
		},
		{
			name: 'TypeScript typed into the page',
			text: '\n```ts\nconst token = await getToken();\n```\n',
			rule: 'TPD003',
		},
	])(
		'$name on a page: lint fails naming file, line and rule',
		({ text, rule }) => {
			const repo = plant();
			repo.append('src/content/docs/start/quick-start.mdx', text);
			const { status, output } = repo.run('run', 'lint');
			expect(status).not.toBe(0);
			expect(output).toMatch(
				new RegExp(`src/content/docs/start/quick-start\\.mdx:\\d+(:\\d+)? error ${rule}`)
			);
		},
		TIMEOUT
	);

	test(
		'a page showing a region that does not exist: the build fails naming page, file and region',
		() => {
			const repo = plant();
			repo.edit(
				'src/content/docs/start/quick-start.mdx',
				'region="send-message"',
				'region="send-mesage"'
			);
			const { status, output } = repo.run('run', 'build');
			expect(status).not.toBe(0);
			expect(output).toMatch(
				/region "send-mesage" does not exist in examples\/quick-start\/send-message\.ts/
			);
			expect(output).toMatch(/quick-start\.mdx/);
		},
		TIMEOUT
	);

	test(
		'a dead internal link: the build fails',
		() => {
			const repo = plant();
			repo.append(
				'src/content/docs/start/quick-start.mdx',
				'\nSee [the old guide](/guides/refreshing/).\n'
			);
			const { status, output } = repo.run('run', 'build');
			expect(status).not.toBe(0);
			expect(output).toMatch(/\/guides\/refreshing\//);
		},
		TIMEOUT
	);

	test(
		'example code that no test executes: the coverage threshold fails naming the file',
		() => {
			const repo = plant();
			repo.append(
				'examples/quick-start/send-message.ts',
				"\nexport function neverCalled(text: string): string {\n\tconst trimmed = text.trim();\n\tif (trimmed === '') {\n\t\treturn '(empty)';\n\t}\n\tconst words = trimmed.split(/\\s+/);\n\tconst first = words[0] ?? '';\n\tconst rest = words.slice(1).join(' ');\n\treturn `${first.toUpperCase()} ${rest}`;\n}\n"
			);
			const { status, output } = repo.run(
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

	test(
		'a region no page shows: the orphan check fails naming it',
		() => {
			const repo = plant();
			repo.append(
				'examples/quick-start/send-message.ts',
				'\n// #region unused\nexport const unused = 1;\n// #endregion unused\n'
			);
			const { status, output } = repo.run('exec', '--', 'vitest', 'run', 'tests/site');
			expect(status).not.toBe(0);
			expect(output).toMatch(/unused/);
			expect(output).toMatch(/send-message\.ts/);
		},
		TIMEOUT
	);
});
