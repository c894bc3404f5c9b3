/**
 * `/openapi.json` (under the site's base path): the OpenAPI 3.1 document of the API, built at
 * build time from the contract data and the recorded samples, for Postman, Insomnia, Bruno, client generators and gateways.
 */
import type { APIRoute } from 'astro';
import { openApiDocument } from '../site/openapi/openApiDocument.ts';
import { bundledSamples } from '../site/samples/bundledSamples.ts';

export const GET: APIRoute = () =>
	new Response(`${JSON.stringify(openApiDocument({ samples: bundledSamples }), null, 2)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
