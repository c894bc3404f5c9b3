/**
 * Step 2 of the quick start: call the API with the access token.
 *
 * @see /start/quick-start/
 */

// #region send-message
export async function sendMessage(options: {
	baseUrl: string;
	accessToken: string;
	phoneNumber: string;
	text: string;
}): Promise<{ id: string; state: string }> {
	const response = await fetch(`${options.baseUrl}/3rdparty/v1/messages`, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${options.accessToken}`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify({
			phoneNumbers: [options.phoneNumber],
			textMessage: { text: options.text },
		}),
	});
	if (!response.ok) {
		throw new Error(`sending failed: ${response.status} ${await response.text()}`);
	}
	return (await response.json()) as { id: string; state: string };
}
// #endregion send-message
