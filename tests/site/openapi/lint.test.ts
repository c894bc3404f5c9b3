/**
 * The OpenAPI document as integrators' tools see it: Redocly CLI's `recommended` ruleset
 * (redocly.yaml) reports no warning and no error, on the document the site serves (with the
 * recorded samples as examples). The CLI runs as a process, as a reader would run it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { type Json, openApiDocument } from '../../../src/site/openapi/openApiDocument.ts';
import { bundledSamples } from '../../../src/site/samples/bundledSamples.ts';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Problem {
	ruleId: string;
	severity: 'error' | 'warn';
	message: string;
}

/** Redocly's findings for a document, as `rule: message` lines. */
async function lint(document: Json, name: string): Promise<string[]> {
	const file = join(directory, `${name}.json`);
	writeFileSync(file, JSON.stringify(document));
	const result = await run(
		process.execPath,
		[
			'node_modules/@redocly/cli/bin/cli.js',
			'lint',
			file,
			'--config',
			'redocly.yaml',
			'--format',
			'json',
		],
		{
			// No telemetry or update check: the test runs offline and must not phone home.
			env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
			maxBuffer: 16 * 1024 * 1024,
		}
	).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
	const report = JSON.parse(result.stdout) as { problems: Problem[] };
	return report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`);
}

describe('Redocly recommended', () => {
	test('reports nothing on the served document', async () => {
		expect(await lint(openApiDocument({ samples: bundledSamples }), 'served')).toEqual([]);
	}, 60_000);

	test('reports a document without a license and with an unused component', async () => {
		const planted = openApiDocument({ samples: bundledSamples });
		delete (planted['info'] as Json)['license'];
		((planted['components'] as Json)['schemas'] as Json)['Unused'] = { type: 'string' };
		const problems = await lint(planted, 'planted');
		expect(problems).toContainEqual(expect.stringMatching(/^info-license:/));
		expect(problems).toContainEqual(expect.stringMatching(/^no-unused-components:/));
	}, 60_000);
});
