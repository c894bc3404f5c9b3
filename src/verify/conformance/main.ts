/**
 * `npm run conformance -- <BASE_URL>`: checks a Token Pair API server against the contract these
 * docs describe. Credentials of an account to test with come from `API_USERNAME` and
 * `API_PASSWORD`. Exits 1 when a case fails, 2 when it cannot start; `CONFORMANCE_REPORT=<file>`
 * also writes the counts there as JSON. The process entry.
 */
import { writeFileSync } from 'node:fs';
import { runConformance } from './runConformance.ts';

const baseUrl = process.argv[2];
const username = process.env['API_USERNAME'];
const password = process.env['API_PASSWORD'];
if (!baseUrl || !/^https?:\/\//.test(baseUrl) || !username || !password) {
	console.error(
		'usage: API_USERNAME=<USERNAME> API_PASSWORD=<PASSWORD> npm run conformance -- <BASE_URL>\n' +
			'  <BASE_URL> is the API’s origin, e.g. https://staging.example.com'
	);
	process.exit(2);
}
const report = await runConformance({ baseUrl, username, password });
// CI (.ci/run) asks for the counts as JSON, so its summary reads numbers rather than this output.
const reportFile = process.env['CONFORMANCE_REPORT'];
if (reportFile) {
	const { passed, failed } = report;
	writeFileSync(reportFile, `${JSON.stringify({ suite: 'conformance', passed, failed })}\n`);
}
// Examples leave keep-alive sockets and timers behind; the verdict is all that is left to say.
process.exit(report.failed > 0 ? 1 : 0);
