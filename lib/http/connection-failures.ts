/** The first `code` in an error's cause chain (`ECONNRESET`, `ETIMEDOUT`, ...). */
export function errorCode(error: unknown): string | undefined {
	let current = error;
	for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string') return code;
		current = cause;
	}
	return undefined;
}

function messages(error: unknown): string {
	const parts: string[] = [];
	let current = error;
	for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
		const { message, cause } = current as { message?: unknown; cause?: unknown };
		if (typeof message === 'string') parts.push(message);
		current = cause;
	}
	return parts.join(' | ');
}

/** The connection broke before an answer came: worth one more try for an idempotent request. */
export function isConnectionReset(error: unknown): boolean {
	const code = errorCode(error);
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return true;
	return /socket hang up/i.test(messages(error));
}

/** The request timed out (n8n's client says ECONNABORTED and "timeout of N ms exceeded"). */
export function isTimeout(error: unknown): boolean {
	const code = errorCode(error);
	if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return true;
	return code === 'ECONNABORTED' && /timeout/i.test(messages(error));
}
