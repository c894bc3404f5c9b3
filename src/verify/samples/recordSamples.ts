import { Clock } from '../../mock/clock/Clock.ts';
import { endpoint, type Endpoint } from '../../mock/contract/endpoints.ts';
import { createMockApi } from '../../mock/createMockApi.ts';
import type { TokenPairBody } from '../../mock/pairs/TokenPairs.ts';
import { SAMPLE_COMMENT, type SampleFile } from '../../site/samples/resolveSample.ts';
import { assertPublishable, collectIds, redactBody } from './redactBody.ts';
import { basicAuthorization, callMock } from './callMock.ts';
import { type RecipeClient, SAMPLE_RECIPES, type SampleRecipe } from './sampleRecipes.ts';
import { SAMPLE_SCHEMAS } from './sampleSchemas.ts';

/** The instant every recording happens at, so `expires_at` and friends never drift. */
export const RECORDING_TIME = Date.parse('2026-03-14T01:45:00Z');

/**
 * Records every recipe against a fresh in-process mock whose clock stands still, redacts it and
 * checks it: each sample is recorded twice and must come out identical (whatever differs is
 * randomness the redaction missed), and must be publishable on a page.
 */
export async function recordSamples(
	recipes: readonly SampleRecipe[] = SAMPLE_RECIPES
): Promise<Map<string, SampleFile>> {
	const samples = new Map<string, SampleFile>();
	for (const recipe of recipes) {
		const first = serializeSample(await recordOnce(recipe));
		const second = serializeSample(await recordOnce(recipe));
		if (first !== second) {
			throw new Error(
				`sample ${recipe.name} differs between two recordings; redact what varies:\n` +
					firstDifference(first, second)
			);
		}
		assertPublishable(recipe.name, first);
		samples.set(recipe.name, JSON.parse(first) as SampleFile);
	}
	return samples;
}

async function recordOnce(recipe: SampleRecipe): Promise<SampleFile> {
	const api = createMockApi({ clock: new Clock(() => RECORDING_TIME) });
	const account = api.accounts[0];
	if (!account) throw new Error('the mock has no account to record with');
	const client: RecipeClient = {
		api,
		basic: basicAuthorization(account.username, account.password),
		call: (method, path, call) => callMock(api, method, path, call),
		issue: async (scopes) => {
			const response = await client.call('POST', '/3rdparty/v1/auth/token', {
				authorization: client.basic,
				json: { scopes },
			});
			if (response.status !== 201) throw new Error(`issue failed: ${response.status}`);
			return (await response.json()) as TokenPairBody;
		},
	};
	const response = await recipe.run(client);
	const text = await response.text();
	if (response.status !== recipe.status) {
		throw new Error(
			`recipe ${recipe.name} expected ${recipe.status}, got ${response.status}: ${text}`
		);
	}
	const contract = endpoint(recipe.endpoint);
	return {
		$comment: SAMPLE_COMMENT,
		endpoint: contract.id,
		method: contract.method,
		path: contract.path,
		status: response.status,
		schema: schemaName(contract, response.status),
		body: redactBody(JSON.parse(text) as unknown, collectIds(api.log.entries())),
	};
}

/** The name of the schema a response of `status` from `contract` satisfies. */
function schemaName(contract: Endpoint, status: number): string {
	if (status >= 400) return 'ErrorResponse';
	const body = status === contract.success.status ? contract.success.body : undefined;
	const name = [...SAMPLE_SCHEMAS].find(([, schema]) => schema === body)?.[0];
	if (name === undefined) throw new Error(`${contract.id} ${status} has no named body schema`);
	return name;
}

function firstDifference(a: string, b: string): string {
	const left = a.split('\n');
	const right = b.split('\n');
	const index = left.findIndex((line, i) => line !== right[i]);
	return `  line ${index + 1}: ${left[index]?.trim()}  vs  ${right[index]?.trim()}`;
}

/** A sample file's text as the recorder compares and checks it (`record.ts` then runs Prettier). */
export function serializeSample(sample: SampleFile): string {
	return `${JSON.stringify(sample, null, '\t')}\n`;
}

/**
 * The names of samples whose committed text (`src/samples/<name>.json`) does not hold the same
 * JSON as a fresh recording, including samples only one side has. Formatting is not drift.
 */
export function findDriftedSamples(
	committed: ReadonlyMap<string, string>,
	fresh: ReadonlyMap<string, unknown>
): string[] {
	const names = [...new Set([...committed.keys(), ...fresh.keys()])].sort();
	return names.filter((name) => {
		const text = committed.get(name);
		if (text === undefined || !fresh.has(name)) return true;
		try {
			return JSON.stringify(JSON.parse(text)) !== JSON.stringify(fresh.get(name));
		} catch {
			return true;
		}
	});
}
