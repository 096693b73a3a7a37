/** Timing helpers: medians of alternating runs, so both sides see the same machine noise. */
export async function time(run: () => Promise<unknown>): Promise<number> {
	const start = process.hrtime.bigint();
	await run();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `a` and `b` in turns, `rounds` times each, after `warmUps` untimed runs of each. */
export async function alternate(
	rounds: number,
	a: () => Promise<unknown>,
	b: () => Promise<unknown>,
	warmUps = 1,
): Promise<{ a: number[]; b: number[] }> {
	for (let run = 0; run < warmUps; run++) {
		await a();
		await b();
	}
	const result = { a: [] as number[], b: [] as number[] };
	for (let round = 0; round < rounds; round++) {
		result.a.push(await time(a));
		result.b.push(await time(b));
	}
	return result;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
