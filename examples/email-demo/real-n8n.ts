/** `npm run demo -- --n8n`: the same sync in a real n8n (not yet). */
export async function runInRealN8n(): Promise<void> {
	throw new Error('--n8n is not available yet');
}
