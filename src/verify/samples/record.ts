/**
 * `npm run samples:record`: records every response sample from the mock into `src/samples/`,
 * removing files no recipe produces any more. The process entry; exports nothing.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { recordSamples, serializeSample } from './recordSamples.ts';

const directory = fileURLToPath(new URL('../../samples/', import.meta.url));
const samples = await recordSamples();
for (const [name, sample] of samples) {
	const file = `${directory}${name}.json`;
	// Written as `npm run format` would leave it, so format:check and the recorder agree.
	const options = (await resolveConfig(file)) ?? {};
	writeFileSync(file, await format(serializeSample(sample), { ...options, filepath: file }));
	console.log(
		`recorded src/samples/${name}.json  (${sample.status} ${sample.method} ${sample.path})`
	);
}
for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
	if (!samples.has(file.slice(0, -'.json'.length))) {
		rmSync(`${directory}${file}`);
		console.log(`removed src/samples/${file}: no recipe records it any more`);
	}
}
