import type { CatalogueRow } from '../support/CatalogueRow.ts';
import { ALGORITHMS } from './algorithms.ts';
import { CLAIMS } from './claims.ts';
import { REQUEST_BODIES } from './requestBodies.ts';
import { REQUESTS } from './requests.ts';
import { REVOCATION } from './revocation.ts';
import { ROTATION } from './rotation.ts';
import { SERVICE_TOKENS } from './serviceTokens.ts';
import { SESSIONS } from './sessions.ts';
import { TOKEN_PARSING } from './tokenParsing.ts';

/** Every row of the bad-input catalogue, by group. */
export const CATALOGUE: readonly CatalogueRow[] = [
	...TOKEN_PARSING,
	...ALGORITHMS,
	...CLAIMS,
	...ROTATION,
	...REVOCATION,
	...REQUEST_BODIES,
	...REQUESTS,
	...SERVICE_TOKENS,
	...SESSIONS,
];
