import type { INodeCredentialTestResult } from 'n8n-workflow';

/**
 * A credential test's answer: OK with what `check` says, or the error's message and its hint,
 * so the dialog says what to fix.
 */
export async function credentialTestResult(
	check: () => Promise<string>,
): Promise<INodeCredentialTestResult> {
	try {
		return { status: 'OK', message: await check() };
	} catch (error) {
		const { message, hint } = error as Error & { hint?: string };
		return { status: 'Error', message: hint ? `${message}. ${hint}` : message };
	}
}
