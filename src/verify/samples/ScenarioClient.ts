import type { MockApi } from '../../mock/createMockApi.ts';
import type { TokenPairBody } from '../../mock/pairs/TokenPairs.ts';
import type { MockCall } from './callMock.ts';

/** What a recording scenario can do: call the mock in-process, as the demo account or with tokens. */
export interface ScenarioClient {
	api: MockApi;
	call: (method: string, path: string, call?: MockCall) => Promise<Response>;
	/** `Authorization` value with the first account's Basic credentials. */
	basic: string;
	/** Issues a pair with Basic credentials; throws unless 201. */
	issue: (scopes: readonly string[]) => Promise<TokenPairBody>;
}
