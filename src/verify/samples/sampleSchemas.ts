import { z } from 'zod';
import * as contract from '../../mock/contract/schemas.ts';

/**
 * The schemas a JSON sample may name (`schema=TokenPairResponse`): every zod schema exported by
 * `src/mock/contract/schemas.ts`, by its export name, so a schema added there is usable at once.
 */
export const SAMPLE_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map(
	Object.entries(contract).flatMap(([name, value]): [string, z.ZodType][] =>
		value instanceof z.ZodType ? [[name, value]] : []
	)
);
