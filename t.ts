import { readFileSync } from 'node:fs';
import { readProse } from './src/verify/lint/readProse.ts';
import { findHandTypedFacts } from './src/verify/lint/findHandTypedFacts.ts';
const src = process.argv[2] ? readFileSync(process.argv[2],'utf8') : `A successful refresh returns \`200 OK\`.\n\nAccess tokens expire after an hour.\n\nThe refresh token is good for a week.\n\nThe cookie is \`SameSite=Lax\` and sent with \`X-CSRF: 2\`.\n\nA service token with \`messages:send\` lives at most 90 days.\n\nThe API answers 401 with "Invalid refresh token".\n\nBodies over 32 KiB get 413.\n\nOpen it in a second tab.\n`;
for (const f of findHandTypedFacts(readProse(src).blocks)) console.log(f.line+':'+f.column, f.kind, JSON.stringify(f.typed), f.fact ?? '', f.wrong ? 'WRONG expected '+f.expected : (f.expected??''), f.candidates?.slice(0,4).join(',') ?? '', f.notAFact?'[naf]':'');
