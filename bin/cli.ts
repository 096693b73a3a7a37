#!/usr/bin/env node
import { USAGE, fileMakerIdToken } from './filemaker-id-token';
import { terminalPrompt } from './prompt';

/** `npx n8n-nodes-filemaker-graph <command>`: helpers that run outside n8n. */
async function main(args: string[]): Promise<number> {
	const [command, ...rest] = args;
	if (command === 'filemaker-id-token') {
		const prompt = terminalPrompt();
		try {
			return await fileMakerIdToken(rest, prompt, (line) => process.stdout.write(`${line}\n`));
		} finally {
			prompt.close();
		}
	}
	process.stdout.write(`${USAGE}\n`);
	return command === undefined || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
