import { describe, expect, test } from 'vitest';
import {
	fillTemplate,
	matchTemplate,
	parseTemplate,
	templateWithPlaceholders,
} from '../../../src/mock/contract/messageTemplate.ts';

describe('message templates', () => {
	test('reads the literal parts around each slot', () => {
		expect(parseTemplate('ttl {ttl} exceeds {max}')).toEqual({
			parts: ['ttl ', ' exceeds ', ''],
			slots: ['ttl', 'max'],
		});
		expect(parseTemplate('Token expired')).toEqual({ parts: ['Token expired'], slots: [] });
	});

	test('fills slots by name and shows them as placeholders', () => {
		expect(fillTemplate('scope required: {scope}', (slot) => `[${slot}]`)).toBe(
			'scope required: [scope]'
		);
		expect(templateWithPlaceholders('scope required: {scope}')).toBe('scope required: <scope>');
	});

	test('matches typed text and gives the slot values, or nothing', () => {
		expect(matchTemplate('scope required: {scope}', 'scope required: tokens:refresh')).toEqual({
			scope: 'tokens:refresh',
		});
		expect(matchTemplate('scope required: {scope}', 'scope required: ')).toBeUndefined();
		expect(matchTemplate('a.b {x}', 'aXb 1')).toBeUndefined();
		expect(matchTemplate('Token expired', 'Token expired')).toEqual({});
	});
});
