/**
 * Runs `work`; if it fails, runs `undo` (best effort: its own failure is ignored) and fails with
 * the error of `work`.
 */
export async function undoingOnFailure<T>(
	work: () => Promise<T>,
	undo: () => Promise<unknown>,
): Promise<T> {
	try {
		return await work();
	} catch (error) {
		await undo().catch(() => undefined);
		throw error;
	}
}
