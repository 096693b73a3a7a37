/** A one-line status while a benchmark measures, on a terminal only; `''` clears it. */
export function progress(text: string): void {
	if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text ? `  … ${text}` : ''}`);
}
