import { createInterface } from 'node:readline';

/** Questions on a terminal (or lines from a pipe, for scripts and tests). */
export interface Prompt {
	ask(question: string): Promise<string>;
	/** Like `ask`, but what is typed is not echoed. */
	askSecret(question: string): Promise<string>;
	close(): void;
}

export function terminalPrompt(
	input: NodeJS.ReadStream = process.stdin,
	output: NodeJS.WriteStream = process.stdout,
): Prompt {
	let muted = false;
	const lines = createInterface({
		input,
		terminal: input.isTTY === true,
		output: {
			write: (chunk: string) => (muted ? true : output.write(chunk)),
		} as unknown as NodeJS.WritableStream,
	});
	const queued: string[] = [];
	const waiting: Array<(line: string) => void> = [];
	lines.on('line', (line) => {
		const next = waiting.shift();
		if (next) next(line);
		else queued.push(line);
	});
	const ask = async (question: string, secret = false) => {
		output.write(question);
		muted = secret && input.isTTY === true;
		const line = queued.shift() ?? (await new Promise<string>((resolve) => waiting.push(resolve)));
		if (muted) output.write('\n');
		muted = false;
		return line;
	};
	return {
		ask: async (question) => await ask(question),
		askSecret: async (question) => await ask(question, true),
		close: () => lines.close(),
	};
}
