import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_FLAGS, chromiumAvailable } from './editor';

export interface BrowserSignIn {
	/** The text of the page the browser ended on. */
	text: string;
	/** Its HTTP status. */
	status: number;
	/** The address FileMaker Server sent the browser back to (n8n's resume URL and the identifier). */
	returnUrl: string;
	/** The screenshots saved, if a folder was given. */
	screenshots: string[];
}

export interface BrowserSignInOptions {
	/** Save `sign-in-provider-page.png` and `sign-in-result.png` here. */
	screenshotFolder?: string;
	/** Change the address FileMaker Server sends the browser back to (tampering). */
	rewriteReturn?: (url: string) => string;
}

/**
 * A person at Chromium (Debian's, driven by playwright-core): opens the workflow's link, is
 * sent on to the identity provider, signs in there, comes back through FileMaker Server to
 * n8n, and ends on whatever page n8n answers with.
 */
export async function signInThroughBrowser(
	link: string,
	person: { email: string; password: string },
	options: BrowserSignInOptions = {},
): Promise<BrowserSignIn> {
	if (!chromiumAvailable()) {
		throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (see .ci/run)`);
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	const screenshots: string[] = [];
	try {
		const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
		const { rewriteReturn } = options;
		if (rewriteReturn) {
			// Playwright routes only the first request of a redirect chain: the form post to the
			// identity provider. Its redirect to FileMaker Server is followed here, and FileMaker
			// Server's way back to n8n is what the browser is given, changed.
			await page.route(
				(url) => url.pathname === '/authorize',
				async (route) => {
					if (route.request().method() !== 'POST') return await route.continue();
					const provider = await route.fetch({ maxRedirects: 0 });
					const fileMaker = await fetch(provider.headers().location ?? '', { redirect: 'manual' });
					await route.fulfill({
						status: 302,
						headers: { location: rewriteReturn(fileMaker.headers.get('location') ?? '') },
					});
				},
			);
		}
		let lastStatus = 0;
		let returnUrl = '';
		page.on('request', (request) => {
			if (request.url().includes('/webhook-waiting/')) returnUrl = request.url();
		});
		page.on('response', (response) => {
			const isRedirect = response.status() >= 300 && response.status() < 400;
			if (response.request().isNavigationRequest() && !isRedirect) lastStatus = response.status();
		});
		await page.goto(link);
		await page.locator('input[name="email"]').waitFor({ timeout: 30_000 });
		if (options.screenshotFolder) {
			const path = join(options.screenshotFolder, 'sign-in-provider-page.png');
			await page.screenshot({ path });
			screenshots.push(path);
		}
		await page.locator('input[name="email"]').fill(person.email);
		await page.locator('input[name="password"]').fill(person.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.locator('#count, #signed-in, #sign-in-failed').first().waitFor({ timeout: 30_000 });
		if (options.screenshotFolder) {
			const path = join(options.screenshotFolder, 'sign-in-result.png');
			await page.screenshot({ path });
			screenshots.push(path);
		}
		const text = await page.locator('body').innerText();
		return { text, status: lastStatus, returnUrl, screenshots };
	} finally {
		await browser.close();
	}
}
