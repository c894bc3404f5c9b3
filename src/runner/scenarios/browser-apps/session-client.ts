import { SessionClient } from '../../../../examples/browser-apps/session-client.ts';
import { factText } from '../../../site/facts.ts';
import { CLOCK } from '../../clock/clockSteps.ts';
import { exchange } from '../exchange.ts';
import {
	defineScenario,
	type RunContext,
	type Scenario,
	type ScenarioAction,
	type ScenarioEnvironment,
} from '../Scenario.ts';

const LOGIN = exchange('login');
const REFRESHED = exchange('refreshSession');
const LOGOUT = exchange('logout');
const SENT = exchange('sendMessage');
const SENT_RESULT = `"status": ${factText('status.sendMessage', 'number')}`;
const UNAUTHORIZED = factText('error.unauthorized', 'number');
/** What "Call the API" sees from a tab with no session: a silent refresh, refused (no cookie). */
const NO_SESSION = [exchange('refreshSession', 'unauthorized')];

/**
 * One SessionClient per tab, shared by every panel of the page, built with the browser's own
 * primitives (Web Locks, `BroadcastChannel('session')`, IndexedDB) exactly as a reader's
 * app would build it. A second tab of this page has its own, and the two coordinate for real.
 */
function sessionState({ baseUrl, report }: ScenarioEnvironment) {
	let ended = false;
	const describe = () => {
		if (client.loggedIn) return 'logged in: an access token in this tab’s memory';
		return ended ? 'logged out' : 'not logged in';
	};
	const client = new SessionClient({
		baseUrl,
		onLoggedOut() {
			ended = true;
			report(describe());
		},
	});
	// Another tab's login, refresh or logout reaches this tab's client over the same channel;
	// this listener only repaints the status line, after the client has handled the message.
	const watcher =
		typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('session');
	watcher?.addEventListener('message', () => setTimeout(() => report(describe())));
	return { client, watcher, update: () => report(describe()) };
}

type State = ReturnType<typeof sessionState>;

function sendMessage({ state }: RunContext<State>) {
	return state.client.fetch('/3rdparty/v1/messages', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			phoneNumbers: ['+15555550100'],
			textMessage: { text: 'Hello from the docs' },
		}),
	});
}

/** The buttons the panels share; each panel shows the ones its region is about. */
const ACTIONS = {
	login: {
		label: 'Log in',
		async run({ state, credentials }) {
			try {
				await state.client.login(credentials.username, credentials.password);
				return { loggedIn: state.client.loggedIn };
			} finally {
				state.update();
			}
		},
	},
	wrongPassword: {
		label: 'Log in with a wrong password',
		async run({ state, credentials }) {
			try {
				await state.client.login(credentials.username, 'not-the-password');
				return { loggedIn: state.client.loggedIn };
			} finally {
				state.update();
			}
		},
	},
	call: {
		label: 'Call the API',
		async run(context) {
			try {
				const response = await sendMessage(context);
				return { status: response.status, body: await response.json() };
			} finally {
				context.state.update();
			}
		},
	},
	refresh: {
		label: 'Refresh',
		async run({ state }) {
			try {
				return { accessToken: (await state.client.refresh()) ?? null };
			} finally {
				state.update();
			}
		},
	},
	expire: {
		label: 'Expire the access token',
		async run({ advanceClock }) {
			await advanceClock(CLOCK.accessLifetime.seconds);
			return `The mock clock moved ${CLOCK.accessLifetime.label}: every access token issued before now has expired. The client finds out from the API’s next ${UNAUTHORIZED}.`;
		},
	},
	logout: {
		label: 'Log out',
		async run({ state }) {
			try {
				await state.client.logout();
				return { loggedIn: state.client.loggedIn };
			} finally {
				state.update();
			}
		},
	},
} satisfies Record<string, ScenarioAction<State>>;

/** What every panel of the page has in common: one state, its status line, its clean-up. */
const common = {
	file: 'browser-apps/session-client.ts',
	stateKey: 'browser-apps/session-client.ts',
	state: sessionState,
	status: { label: 'Session in this tab', initial: 'not logged in' },
	dispose({ client, watcher }: State) {
		client.dispose();
		watcher?.close();
	},
} as const;

/** Run panels for `examples/browser-apps/session-client.ts`. */
export const scenarios: readonly Scenario[] = [
	defineScenario({
		...common,
		region: 'login',
		summary:
			'Calls login with the demo account on this tab’s SessionClient, which every panel of this page shares until you press Reset. Open this page in a second tab to watch the tabs share its session.',
		actions: { run: ACTIONS.login, wrongPassword: ACTIONS.wrongPassword },
		stories: [
			{
				says: `The API answers ${factText('status.login', 'number')} with the access token, which stays in the client’s memory; the refresh token goes into the ${factText('cookie.httpOnly')} cookie (Set-Cookie), where no script can read it.`,
				steps: [
					{
						action: 'run',
						expect: { ok: true, exchanges: [LOGIN], result: '"loggedIn": true' },
					},
				],
			},
			{
				says: `Wrong credentials: ${UNAUTHORIZED}, login throws, and the client keeps nothing.`,
				steps: [
					{
						action: 'wrongPassword',
						expect: {
							ok: false,
							exchanges: [exchange('login', 'unauthorized')],
							result: `login failed: ${UNAUTHORIZED}`,
						},
					},
				],
			},
		],
	}),
	defineScenario({
		...common,
		region: 'fetch',
		summary:
			'Sends a message with fetch on this tab’s SessionClient, which every panel of this page shares until you press Reset.',
		actions: { run: ACTIONS.call, login: ACTIONS.login, expire: ACTIONS.expire },
		stories: [
			{
				says: `Without a session the client first tries a silent refresh: no cookie, ${UNAUTHORIZED}, so fetch throws "not logged in" and no API request goes out. A second tab that logged in would have made that refresh succeed.`,
				steps: [
					{
						action: 'run',
						expect: { ok: false, exchanges: NO_SESSION, result: 'not logged in' },
					},
				],
			},
			{
				says: `After Log in, the call carries access token 1 and the message is accepted: ${factText('status.sendMessage', 'number')}.`,
				steps: [
					{ action: 'login', expect: { ok: true, exchanges: [LOGIN] } },
					{
						action: 'run',
						expect: { ok: true, exchanges: [SENT], result: SENT_RESULT },
					},
				],
			},
			{
				says: `Once the access token has expired, the API answers ${UNAUTHORIZED}; the client refreshes silently with the cookie and ${factText('header.csrf', 'name')}, and its one retry gets ${factText('status.sendMessage', 'number')}.`,
				steps: [
					{ action: 'login', expect: { ok: true, exchanges: [LOGIN] } },
					{
						action: 'expire',
						expect: { ok: true, exchanges: [], result: CLOCK.accessLifetime.label },
					},
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [exchange('sendMessage', 'unauthorized'), REFRESHED, SENT],
							result: SENT_RESULT,
						},
					},
				],
			},
		],
	}),
	defineScenario({
		...common,
		region: 'refresh',
		summary:
			'Calls refresh on this tab’s SessionClient: one refresh at a time across tabs (Web Lock session-refresh), its result shared over BroadcastChannel.',
		actions: { run: ACTIONS.refresh, login: ACTIONS.login },
		stories: [
			{
				says: `Without a session there is no cookie: ${UNAUTHORIZED}, and refresh resolves to undefined (the session is over).`,
				steps: [
					{
						action: 'run',
						expect: { ok: true, exchanges: NO_SESSION, result: '"accessToken": null' },
					},
				],
			},
			{
				says: `After Log in, refresh spends refresh token 1 from the cookie: ${factText('status.refreshSession', 'number')} with access token 2, and the cookie now holds refresh token 2.`,
				steps: [
					{ action: 'login', expect: { ok: true, exchanges: [LOGIN] } },
					{
						action: 'run',
						expect: {
							ok: true,
							exchanges: [REFRESHED],
							result: '"accessToken": "‹access token 2›"',
						},
					},
				],
			},
		],
	}),
	defineScenario({
		...common,
		region: 'logout',
		summary:
			'Calls logout on this tab’s SessionClient: the API revokes the session and clears the cookie, and every other tab of this page logs out too.',
		actions: { run: ACTIONS.logout, login: ACTIONS.login, call: ACTIONS.call },
		stories: [
			{
				says: `Logout always answers ${factText('status.logout', 'number')} and clears the cookie, session or not.`,
				steps: [
					{
						action: 'run',
						expect: { ok: true, exchanges: [LOGOUT], result: '"loggedIn": false' },
					},
				],
			},
			{
				says: 'After Log in and Log out, calling the API finds no token and no cookie: the silent refresh is refused and fetch throws "not logged in".',
				steps: [
					{ action: 'login', expect: { ok: true, exchanges: [LOGIN] } },
					{ action: 'run', expect: { ok: true, exchanges: [LOGOUT] } },
					{
						action: 'call',
						expect: { ok: false, exchanges: NO_SESSION, result: 'not logged in' },
					},
				],
			},
		],
	}),
];
