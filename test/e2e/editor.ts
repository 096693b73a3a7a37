import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import type { RunningN8n } from './n8n-runtime';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium on a machine without outside network (see README). */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export function chromiumAvailable(): boolean {
	return existsSync(CHROMIUM);
}

export interface EditorTour {
	/** What the layout picker listed, as the builder sees it. */
	layoutPickerItems: string[];
	/** The fields the field mapping offered. */
	mappingFields: string[];
	screenshots: string[];
}

async function openWorkflow(page: Page, n8n: RunningN8n, workflowId: string) {
	await page.goto(`${n8n.url}/workflow/${workflowId}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	// Published workflows show a "Production Checklist" popover a moment after loading.
	const checklist = page.locator('[data-test-id="suggested-actions-close"]');
	const shown = await checklist.waitFor({ timeout: 3_000 }).then(
		() => true,
		() => false,
	);
	if (shown) await checklist.click();
}

async function openNode(page: Page, name: string) {
	await page.locator('[data-test-id="canvas-node"]', { hasText: name }).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
}

/**
 * Opens a dropdown and picks an option. The editor ignores clicks on a select while the
 * panel still renders, so the click is a plain mouse click, repeated until the list shows.
 */
async function choose(page: Page, dropdown: Locator, option: Locator) {
	for (let attempt = 1; attempt <= 5; attempt++) {
		const box = await dropdown.boundingBox();
		if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const shown = option.filter({ visible: true }).first();
		const opened = await shown.waitFor({ state: 'visible', timeout: 3_000 }).then(
			() => true,
			() => false,
		);
		if (opened) return await shown.click();
	}
	throw new Error('The dropdown did not open');
}

async function openEditor(n8n: RunningN8n, authCookie: string) {
	const context: BrowserContext = await chromium.launchPersistentContext(
		mkdtempSync(join(tmpdir(), 'chromium-profile-')),
		{ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, viewport: { width: 1440, height: 900 } },
	);
	const [name, value] = authCookie.split('=');
	await context.addCookies([{ name, value, url: n8n.url }]);
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}

/**
 * Opens a credential's dialog as a builder does from the Credentials list, saves a PNG of it at
 * `path`, and returns which of the `labels` the dialog shows.
 */
export async function shootCredentialDialog(
	n8n: RunningN8n,
	authCookie: string,
	credentialId: string,
	path: string,
	labels: string[],
): Promise<string[]> {
	const { context, page } = await openEditor(n8n, authCookie);
	try {
		await page.goto(`${n8n.url}/home/credentials/${credentialId}`);
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		// A required field's label reads "Host *".
		const labelled = (label: string) => modal.getByText(new RegExp(`^${label}\\s*\\*?$`)).first();
		await labelled(labels[0]).waitFor();
		const shown: string[] = [];
		for (const label of labels) {
			if (await labelled(label).isVisible()) shown.push(label);
		}
		await page.screenshot({ path });
		return shown;
	} finally {
		await context.close();
	}
}

/**
 * Connects an OAuth2 credential as a builder does: opens its dialog, presses the connect button,
 * signs in at the identity provider in the popup (`signInAt` fills its form), and waits until
 * n8n says the account is connected. Saves a PNG of the provider's page and of the dialog.
 */
export async function connectOAuthCredential(
	n8n: RunningN8n,
	authCookie: string,
	credentialId: string,
	signInAt: (popup: Page) => Promise<void>,
	screenshots: { providerPage: string; dialog: string },
): Promise<void> {
	const { context, page } = await openEditor(n8n, authCookie);
	try {
		await page.goto(`${n8n.url}/home/credentials/${credentialId}`);
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor();
		const button = modal
			.getByRole('button', { name: /^connect$|connect my account|sign in with/i })
			.first();
		await button.waitFor();
		const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
		await popup.waitForLoadState();
		await popup.screenshot({ path: screenshots.providerPage });
		await signInAt(popup);
		await modal
			.locator('[data-test-id="oauth-connect-success-banner"]')
			.waitFor({ timeout: 30_000 });
		await page.screenshot({ path: screenshots.dialog });
	} finally {
		await context.close();
	}
}

/**
 * Opens a node of a workflow in the editor, saves a PNG of its panel at `path`, and returns
 * which of the `labels` (parameter names as the builder sees them) the panel shows.
 */
export async function shootNodePanel(
	n8n: RunningN8n,
	authCookie: string,
	target: { workflowId: string; node: string },
	path: string,
	labels: string[],
): Promise<string[]> {
	const { context, page } = await openEditor(n8n, authCookie);
	try {
		await openWorkflow(page, n8n, target.workflowId);
		await openNode(page, target.node);
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.getByText(labels[0], { exact: true }).first().waitFor();
		const shown: string[] = [];
		for (const label of labels) {
			if (await panel.getByText(label, { exact: true }).first().isVisible()) shown.push(label);
		}
		await page.screenshot({ path });
		return shown;
	} finally {
		await context.close();
	}
}

/** A PNG of each workflow's canvas, once its last-named node shows: `{ id, node, path }`. */
export async function shootWorkflows(
	n8n: RunningN8n,
	authCookie: string,
	workflows: Array<{ id: string; node: string; path: string }>,
): Promise<string[]> {
	const { context, page } = await openEditor(n8n, authCookie);
	try {
		for (const workflow of workflows) {
			await openWorkflow(page, n8n, workflow.id);
			await page.locator('[data-test-id="canvas-node"]', { hasText: workflow.node }).waitFor();
			await page.screenshot({ path: workflow.path });
		}
		return workflows.map((workflow) => workflow.path);
	} finally {
		await context.close();
	}
}

/**
 * Signs in with the given session cookie and walks through what a builder does with our node:
 * the example workflow, the node's parameters, the layout picker (filled from FileMaker), and
 * the field mapping of the upsert. Saves a PNG of each step into `folder`. The picker is read
 * once it shows `expectedLayouts` entries (it fills in as FileMaker answers).
 */
export async function tourEditor(
	n8n: RunningN8n,
	authCookie: string,
	folder: string,
	expectedLayouts: number,
): Promise<EditorTour> {
	const { context, page } = await openEditor(n8n, authCookie);
	const screenshots: string[] = [];
	const shoot = async (file: string) => {
		const path = join(folder, file);
		await page.screenshot({ path });
		screenshots.push(path);
	};

	try {
		await openWorkflow(page, n8n, 'fmWebhookUpdate1');
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Respond to Webhook' }).waitFor();
		await shoot('editor-workflow.png');

		await openNode(page, 'Find contact');
		await page.locator('[data-test-id="resource-locator-layout"]').waitFor();
		await shoot('editor-find-node.png');

		await page
			.locator('[data-test-id="resource-locator-layout"] [data-test-id="rlc-input"]')
			.click();
		const items = page.locator('[data-test-id="rlc-item"]');
		await items.nth(expectedLayouts - 1).waitFor();
		const layoutPickerItems = (await items.allTextContents()).map((text) => text.trim());
		await shoot('editor-layout-picker.png');

		await openWorkflow(page, n8n, 'fmScheduledSync1');
		await openNode(page, 'Upsert into FileMaker');
		await page.locator('[data-test-id="matching-column-select"]').waitFor();
		await choose(
			page,
			page.locator('[data-test-id="mapping-mode-select"] .el-select'),
			page.getByText(/^Map Each \w+ Manually$/),
		);
		const mapper = page.locator('[data-test-id="resource-mapper-container"]');
		await mapper.getByText('firstName', { exact: true }).first().waitFor();
		const mappingFields = (
			await mapper.locator('[data-test-id="input-label"] label .n8n-text').allTextContents()
		)
			.map((text) => text.trim())
			.filter(Boolean);
		await shoot('editor-field-mapping.png');

		await openWorkflow(page, n8n, 'emailToFileMaker');
		await page
			.locator('[data-test-id="canvas-node"]', { hasText: 'Report the mail FileMaker refused' })
			.waitFor();
		await shoot('editor-email-to-filemaker.png');
		return { layoutPickerItems, mappingFields, screenshots };
	} finally {
		await context.close();
	}
}
