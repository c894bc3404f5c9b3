import { type Endpoint, ENDPOINTS, type EndpointId } from '../../../mock/contract/endpoints.ts';
import { PATH_SOURCES } from '../../../site/openapi/requestExamples.ts';
import { tryEndpoint } from '../../../site/reference/tryEndpoint.ts';
import { exchange } from '../exchange.ts';
import { defineScenario, type Scenario } from '../Scenario.ts';

/** The exchanges a Try it run shows: its setup calls, then the endpoint's own. */
function expectedExchanges(id: EndpointId): string[] {
	const endpoint: Endpoint | undefined = ENDPOINTS.find((candidate) => candidate.id === id);
	if (!endpoint) throw new Error(`no endpoint ${id}`);
	const { schemes, scope } = endpoint.auth;
	const setup: string[] = [];
	if (
		schemes.includes('refresh-token') ||
		(schemes.includes('bearer') && scope !== undefined && scope !== 'tokens:manage')
	) {
		setup.push(exchange('issueTokenPair'));
	}
	if (schemes.includes('refresh-cookie')) setup.push(exchange('login'));
	for (const source of Object.values(PATH_SOURCES[id] ?? {})) setup.push(exchange(source.endpoint));
	// A password change is undone at once, so the page's demo account keeps working.
	const after = id === 'changePassword' ? [`setup ${exchange(id)}`] : [];
	return [...setup.map((line) => `setup ${line}`), exchange(id), ...after];
}

/**
 * The reference's Try it panels, one per endpoint (src/components/reference/EndpointDetails.astro):
 * each sends the endpoint's request to the in-page mock, with setup calls for what it needs.
 * `file` names the page's own path, as the registry keys panels by it.
 */
export const scenarios: readonly Scenario[] = ENDPOINTS.map((endpoint) =>
	defineScenario({
		file: 'reference/api.ts',
		region: endpoint.id,
		summary: `Sends ${endpoint.method} ${endpoint.path.replace(/:(\w+)/g, '{$1}')} to the mock in this page, as the cURL command above does, after the calls it needs first (shown as setup).`,
		state: () => ({}),
		actions: {
			run: {
				label: 'Try it',
				run: (context) => tryEndpoint(endpoint.id as EndpointId, context),
			},
		},
		stories: [
			{
				says: `The mock answers ${endpoint.success.status}, as the section above says.`,
				steps: [
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: expectedExchanges(endpoint.id as EndpointId),
							result: `"status": ${endpoint.success.status}`,
						},
					},
				],
			},
		],
	})
);
