import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { openApiDocument } from './src/site/openapi/openApiDocument.ts';
const samples = Object.fromEntries(readdirSync('src/samples').map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`src/samples/${f}`, 'utf8'))]));
writeFileSync('/tmp/nc-openapi.json', JSON.stringify(openApiDocument({ samples }), null, 2));
