import { MAX_BODY_BYTES } from '../../../src/mock/http/readJsonBody.ts';
import { type CatalogueRow, error, type RowContext } from '../support/CatalogueRow.ts';

const group = 'request bodies';

/** `POST /3rdparty/v1/auth/token` with the demo account and this raw body. */
const issueWith = (body: string | Uint8Array<ArrayBuffer>) => (c: RowContext) =>
	c.send({
		method: 'POST',
		path: '/3rdparty/v1/auth/token',
		headers: { Authorization: c.basic(), 'Content-Type': 'application/json' },
		body,
	});

/** `POST /3rdparty/v1/messages` with a token that may send, and this body. */
const sendWith = (body: unknown) => async (c: RowContext) => {
	const { access_token: token } = await c.issue(['messages:send']);
	return c.send({
		method: 'POST',
		path: '/3rdparty/v1/messages',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
};

const row = (
	name: string,
	act: CatalogueRow['act'],
	expect: CatalogueRow['expect']
): CatalogueRow => ({
	group,
	name,
	act,
	expect,
});

const INVALID_BODY = error('invalidBody');

/** Bodies that are not what the endpoint reads: wrong JSON, wrong types, wrong size, wrong bytes. */
export const REQUEST_BODIES: readonly CatalogueRow[] = [
	row('JSON cut short', issueWith('{"scopes": ["messages:send"'), INVALID_BODY),
	row('an empty body', issueWith(''), INVALID_BODY),
	row('a JSON array', issueWith('["messages:send"]'), INVALID_BODY),
	row('JSON null', issueWith('null'), INVALID_BODY),
	row('a JSON string', issueWith('"scopes"'), INVALID_BODY),
	row(
		'bytes that are not UTF-8',
		issueWith(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
		INVALID_BODY
	),
	row(
		'JSON nested 20,000 deep',
		issueWith(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
		INVALID_BODY
	),
	row(
		'a body over the 64 KiB cap',
		issueWith(JSON.stringify({ scopes: ['messages:send'], pad: 'x'.repeat(MAX_BODY_BYTES) })),
		error('payloadTooLarge')
	),
	row('scopes as a string', issueWith('{"scopes": "messages:send"}'), error('scopesRequired')),
	row('scopes null', issueWith('{"scopes": null}'), error('scopesRequired')),
	row('scopes empty', issueWith('{"scopes": []}'), error('scopesRequired')),
	row('scopes missing', issueWith('{"ttl": 60}'), error('scopesRequired')),
	row(
		'a scope that is a number',
		issueWith('{"scopes": [1]}'),
		error('unknownScope', { scope: '1' })
	),
	row(
		'an unknown scope',
		issueWith('{"scopes": ["messages:write"]}'),
		error('unknownScope', { scope: 'messages:write' })
	),
	row(
		'the system scope requested',
		issueWith('{"scopes": ["tokens:refresh"]}'),
		error('systemScopeRequested')
	),
	row('a negative ttl', issueWith('{"scopes": ["messages:send"], "ttl": -1}'), error('invalidTtl')),
	row(
		'a fractional ttl',
		issueWith('{"scopes": ["messages:send"], "ttl": 1.5}'),
		error('invalidTtl')
	),
	row(
		'a ttl as a string',
		issueWith('{"scopes": ["messages:send"], "ttl": "900"}'),
		error('invalidTtl')
	),
	row(
		'an unknown field (a typo of scopes)',
		issueWith('{"scope": ["messages:send"]}'),
		error('unknownField', { field: 'scope' })
	),
	row(
		'a __proto__ field',
		issueWith('{"__proto__": {"admin": true}, "scopes": ["messages:send"]}'),
		error('unknownField', { field: '__proto__' })
	),
	row(
		'a message without phoneNumbers',
		sendWith({ textMessage: { text: 'hi' } }),
		error('phoneNumbersRequired')
	),
	row(
		'a message with an empty text',
		sendWith({ phoneNumbers: ['+15555550100'], textMessage: { text: '' } }),
		error('textRequired')
	),
	row(
		'a message with an unknown nested field',
		sendWith({ phoneNumbers: ['+15555550100'], textMessage: { text: 'hi', html: '<b>' } }),
		error('unknownField', { field: 'textMessage.html' })
	),
];
