import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS } from '../../src/verify/chromiumFlags.ts';

const CLI = fileURLToPath(new URL('../../node_modules/lighthouse/cli/index.js', import.meta.url));
/** The four categories the docs aim for 100 in. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One Lighthouse run: a 0–100 score per category, and the audits that did not pass. */
export interface LighthouseRun {
	scores: Record<string, number>;
	failing: { id: string; title: string; score: number | null; items?: string[] }[];
}

/** Runs the Lighthouse CLI (default mobile config) against `url` in a fresh Chromium profile. */
export function lighthouse(url: string): Promise<LighthouseRun> {
	const dir = mkdtempSync(join(tmpdir(), 'tpd-lighthouse-'));
	const output = join(dir, 'report.json');
	const args = [
		CLI,
		url,
		'--quiet',
		'--output=json',
		`--output-path=${output}`,
		`--only-categories=${CATEGORIES.join(',')}`,
		`--chrome-flags=${[...CHROMIUM_FLAGS, `--user-data-dir=${join(dir, 'profile')}`].join(' ')}`,
	];
	return new Promise<LighthouseRun>((resolve, reject) => {
		const child = spawn(process.execPath, args, {
			env: { ...process.env, CHROME_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' },
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('error', reject);
		child.on('exit', (code) => {
			try {
				if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${errors}`);
				resolve(readReport(readFileSync(output, 'utf8')));
			} catch (error) {
				reject(error);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		});
	});
}

interface Report {
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<
		string,
		{
			title: string;
			score: number | null;
			scoreDisplayMode: string;
			details?: {
				items?: {
					description?: string;
					url?: string;
					source?: string;
					sourceLocation?: { url?: string };
				}[];
			};
		}
	>;
}

function readReport(json: string): LighthouseRun {
	const report = JSON.parse(json) as Report;
	const scores: Record<string, number> = {};
	const failing: LighthouseRun['failing'] = [];
	for (const [id, category] of Object.entries(report.categories)) {
		scores[id] = Math.round((category.score ?? 0) * 100);
		for (const ref of category.auditRefs) {
			const audit = report.audits[ref.id];
			const scored =
				audit && ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode);
			if (audit && scored && audit.score !== null && audit.score < 1) {
				// What was logged or flagged, so a failing audit can be fixed without opening the report.
				const items = (audit.details?.items ?? [])
					.slice(0, 3)
					.map((item) =>
						[item.source, item.description, item.url ?? item.sourceLocation?.url]
							.filter(Boolean)
							.join(' ')
					)
					.filter((text) => text !== '');
				failing.push({ id: ref.id, title: audit.title, score: audit.score, items });
			}
		}
	}
	return { scores, failing };
}
