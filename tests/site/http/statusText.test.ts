import { expect, test } from 'vitest';
import { statusText } from '../../../src/site/http/statusText.ts';

test('names the statuses the mock answers and falls back to the number', () => {
	expect(statusText(201)).toBe('201 Created');
	expect(statusText(401)).toBe('401 Unauthorized');
	expect(statusText(418)).toBe('418');
});
