import type { RunningN8n } from './n8n-runtime';

/** The editor login that `npm run n8n` and the editor test set up (local throwaway instance). */
export const OWNER = {
	email: 'builder@example.com',
	firstName: 'Demo',
	lastName: 'Builder',
	password: 'Sandbox-Builder-1',
};

/** One session cookie per running n8n: its login endpoint answers 429 to a burst of logins. */
const cookies = new WeakMap<RunningN8n, Promise<string>>();

/** Sets up n8n's owner account (first start only) and returns the session cookie. */
export async function signIn(n8n: RunningN8n): Promise<string> {
	let cookie = cookies.get(n8n);
	if (!cookie) {
		cookie = logIn(n8n);
		cookies.set(n8n, cookie);
		cookie.catch(() => cookies.delete(n8n));
	}
	return await cookie;
}

async function logIn(n8n: RunningN8n): Promise<string> {
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	const login = setup.ok
		? setup
		: await fetch(`${n8n.url}/rest/login`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
	if (!login.ok)
		throw new Error(`Could not sign in to n8n: HTTP ${login.status} ${await login.text()}`);
	const cookie = login.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (!cookie) throw new Error('n8n did not set its auth cookie');
	return cookie.split(';')[0];
}
