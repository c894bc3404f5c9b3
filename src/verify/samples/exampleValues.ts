import type { Placeholder } from '../../mock/contract/placeholders.ts';

/**
 * Plausible stand-ins for placeholders, used only to validate a sample against its schema (an id
 * must be 21 characters, a URL a URL). Never shown on a page and never real credentials.
 */
export const EXAMPLE_VALUES: Readonly<Record<Placeholder, string>> = {
	'<ACCESS_TOKEN>': 'header.access-payload.signature',
	'<REFRESH_TOKEN>': 'header.refresh-payload.signature',
	'<SERVICE_TOKEN>': 'header.service-payload.signature',
	'<TOKEN_ID>': 'V1StGXR8_Z5jdHi6B-myT',
	'<USERNAME>': 'demo',
	'<PASSWORD>': 'demo-password',
	'<BASIC_CREDENTIALS>': 'ZGVtbzpkZW1vLXBhc3N3b3Jk',
	'<API_BASE_URL>': 'https://api.token-pair.example',
};
