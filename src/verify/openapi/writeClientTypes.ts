/** `npm run openapi:types`: writes the generated client types (see clientTypes.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLIENT_TYPES_PATH, clientTypes } from './clientTypes.ts';

mkdirSync(dirname(CLIENT_TYPES_PATH), { recursive: true });
writeFileSync(CLIENT_TYPES_PATH, await clientTypes());
console.log(`wrote ${CLIENT_TYPES_PATH}`);
