/**
 * `npm run bench`: what the Run panels cost readers, measured against a vanilla Starlight site
 * built in the same run with the same installed versions.
 *
 * 1. Builds our site and a vanilla Starlight site into a temporary directory and serves both.
 * 2. Loads a vanilla page, a plain page of ours, a page of ours with Run panels (before any
 *    click) and the same page after one Run, in Chromium, and sums the bytes by type.
 * 3. Runs Lighthouse (mobile defaults) on the vanilla page, the plain page and the Run page.
 * Every measurement is repeated (BENCH_RUNS, default 3) and the medians are reported. Results go
 * to bench/results/ (gitignored) as JSON and Markdown; the tables are printed too.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { astro, preview, type Preview } from '../src/verify/astro.ts';
import { CHROMIUM_FLAGS } from '../src/verify/chromiumFlags.ts';
import { CATEGORIES, lighthouse, type LighthouseRun } from './lib/lighthouse.ts';
import { median } from './lib/median.ts';
import { nonHtml, pageBytes, type PageBytes } from './lib/pageBytes.ts';
import { bytesTable, goalsTable, lighthouseTable, type BenchResult } from './lib/report.ts';
import { writeVanillaSite } from './lib/vanillaSite.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
/** Script a page with Run panels may add before the first click. */
const RUN_PAGE_SCRIPT_BUDGET = 15 * 1024;
/** How much heavier than vanilla a page without panels may be, in non-HTML bytes. */
const PLAIN_PAGE_RATIO = 1.1;

const work = mkdtempSync(join(tmpdir(), 'tpd-bench-'));
const servers: Preview[] = [];
try {
	console.log(`bench: building into ${work}`);
	const oursDist = join(work, 'ours');
	const vanillaRoot = join(work, 'vanilla');
	writeVanillaSite(vanillaRoot);
	await astro(['build', '--outDir', oursDist]);
	await astro(['build'], vanillaRoot);
	const ours = await preview(['--outDir', oursDist], '/');
	servers.push(ours);
	const vanilla = await preview([], '/', vanillaRoot);
	servers.push(vanilla);

	const pages = {
		'vanilla Starlight page': `${vanilla.origin}/guides/guide/`,
		'our plain page (FAQ)': `${ours.origin}/help/faq/`,
		'our page with Examples, no Run': `${ours.origin}/concepts/token-pairs/`,
		'our Run page, before any click': `${ours.origin}/start/quick-start/`,
	};
	const runPage = pages['our Run page, before any click'];

	console.log(`bench: measuring bytes (${RUNS} loads per page)`);
	const browser = await chromium.launch({
		executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
		args: CHROMIUM_FLAGS,
	});
	const bytes: Record<string, PageBytes[]> = {};
	try {
		for (let run = 0; run < RUNS; run++) {
			for (const [name, url] of Object.entries(pages)) {
				(bytes[name] ??= []).push(await pageBytes(browser, url));
			}
			const afterRun = await pageBytes(browser, runPage, async (page) => {
				const panel = page.locator('[data-runner="quick-start/main.ts#main"]');
				await panel.locator('button[data-action="run"]').click();
				await panel.locator('[data-runner-output][data-outcome="ok"]').waitFor();
			});
			(bytes['our Run page, after one Run'] ??= []).push(afterRun);
		}
	} finally {
		await browser.close();
	}

	console.log(`bench: Lighthouse (${RUNS} runs per page)`);
	const audited = [
		'vanilla Starlight page',
		'our plain page (FAQ)',
		'our Run page, before any click',
	];
	const lighthouseRuns: Record<string, LighthouseRun[]> = {};
	for (let run = 0; run < RUNS; run++) {
		for (const name of audited) {
			(lighthouseRuns[name] ??= []).push(await lighthouse(pages[name as keyof typeof pages]));
		}
	}

	const medianBytes = (name: string, view: 'raw' | 'gzip') => {
		const runs = bytes[name] ?? [];
		const kinds = new Set(runs.flatMap((result) => Object.keys(result[view])));
		const out: Record<string, number> = {};
		for (const kind of kinds) out[kind] = median(runs.map((result) => result[view][kind] ?? 0));
		return out;
	};
	const result: BenchResult = {
		date: new Date().toISOString(),
		runs: RUNS,
		pages: Object.fromEntries(
			Object.keys(bytes).map((name) => [
				name,
				{
					raw: medianBytes(name, 'raw'),
					gzip: medianBytes(name, 'gzip'),
					files: bytes[name]?.[0]?.files ?? [],
				},
			])
		),
		lighthouse: Object.fromEntries(
			Object.entries(lighthouseRuns).map(([name, runs]) => [
				name,
				{
					scores: Object.fromEntries(
						CATEGORIES.map((category) => [
							category,
							median(runs.map((r) => r.scores[category] ?? 0)),
						])
					),
					runs: runs.map((r) => r.scores),
					failing: [...new Map(runs.flatMap((r) => r.failing).map((a) => [a.id, a])).values()],
				},
			])
		),
	};

	const vanillaRaw = result.pages['vanilla Starlight page']!.raw;
	const plainRaw = result.pages['our plain page (FAQ)']!.raw;
	const examplesRaw = result.pages['our page with Examples, no Run']!.raw;
	const runRaw = result.pages['our Run page, before any click']!.raw;
	result.goals = [
		{
			goal: 'plain page non-HTML bytes ≤ 1.10 × vanilla',
			value: `${(nonHtml(plainRaw) / nonHtml(vanillaRaw)).toFixed(3)} ×`,
			met: nonHtml(plainRaw) <= PLAIN_PAGE_RATIO * nonHtml(vanillaRaw),
		},
		{
			goal: 'page with Examples (no Run) non-HTML bytes ≤ 1.10 × vanilla',
			value: `${(nonHtml(examplesRaw) / nonHtml(vanillaRaw)).toFixed(3)} ×`,
			met: nonHtml(examplesRaw) <= PLAIN_PAGE_RATIO * nonHtml(vanillaRaw),
		},
		{
			goal: 'Run page script before a click ≤ vanilla + 15 KB',
			value: `${signed((runRaw['script'] ?? 0) - (vanillaRaw['script'] ?? 0))} B`,
			met: (runRaw['script'] ?? 0) - (vanillaRaw['script'] ?? 0) <= RUN_PAGE_SCRIPT_BUDGET,
		},
		...audited.flatMap((name) =>
			CATEGORIES.map((category) => {
				const score = result.lighthouse[name]?.scores[category] ?? 0;
				return {
					goal: `Lighthouse ${category} = 100 on ${name}`,
					value: String(score),
					met: score === 100,
				};
			})
		),
	];

	const markdown = [
		`# Bench ${result.date} (medians of ${RUNS})`,
		'',
		'## Bytes by type (decoded / gzip -9)',
		'',
		bytesTable(result),
		'',
		'## Lighthouse (mobile defaults)',
		'',
		lighthouseTable(result),
		'',
		'## Goals',
		'',
		goalsTable(result),
		'',
	].join('\n');
	mkdirSync(RESULTS, { recursive: true });
	const stamp = result.date.replaceAll(':', '-');
	writeFileSync(join(RESULTS, `bench-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
	writeFileSync(join(RESULTS, `bench-${stamp}.md`), markdown);
	writeFileSync(join(RESULTS, 'latest.md'), markdown);
	console.log(`\n${markdown}`);
	console.log(`bench: results in ${RESULTS}`);
} finally {
	await Promise.all(servers.map((server) => server.stop()));
	rmSync(work, { recursive: true, force: true });
}

function signed(value: number): string {
	return value >= 0 ? `+${value}` : String(value);
}
