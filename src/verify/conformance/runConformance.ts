import { CaseFailure, ConformanceClient } from './ConformanceClient.ts';
import { conformanceCases, type ConformanceCase } from './conformanceCases.ts';
import { exampleCases } from './exampleCases.ts';

/** What a run found. */
export interface ConformanceReport {
	passed: number;
	failed: number;
	lines: string[];
}

/**
 * Runs every case against a server, one after another (cases share the account), writing one
 * line per case as it finishes and the closing `N passed, N failed`.
 */
export async function runConformance(options: {
	baseUrl: string;
	username: string;
	password: string;
	write?: (line: string) => void;
	cases?: readonly ConformanceCase[];
}): Promise<ConformanceReport> {
	const client = new ConformanceClient(options.baseUrl, options.username, options.password);
	const write = options.write ?? ((line: string) => console.log(line));
	const report: ConformanceReport = { passed: 0, failed: 0, lines: [] };
	const emit = (line: string) => {
		report.lines.push(line);
		write(line);
	};
	for (const testCase of options.cases ?? [...conformanceCases(), ...exampleCases()]) {
		if (testCase.skip !== undefined) {
			emit(`skip ${testCase.name}: ${testCase.skip}`);
			continue;
		}
		try {
			const note = await testCase.run(client);
			report.passed += 1;
			emit(`pass ${testCase.name}${note ? ` (${note})` : ''}`);
		} catch (error) {
			report.failed += 1;
			const reason =
				error instanceof CaseFailure
					? error.message
					: `${error instanceof Error ? error.message : String(error)} (unexpected)`;
			emit(`FAIL ${testCase.name}: ${reason}`);
		}
	}
	emit(`${report.passed} passed, ${report.failed} failed`);
	return report;
}
