import type { SandboxStore } from './store';

export interface ScriptContext {
	/** `script.param` as sent, or "" without one. */
	parameter: string;
	database: string;
	layout?: string;
	/** The record the request works on (get, create, edit, delete, duplicate). */
	recordId?: number;
	store: SandboxStore;
}

/**
 * A JavaScript stand-in for a FileMaker script. What it returns becomes `scriptResult`;
 * throwing a ScriptError sets `scriptError`.
 */
export type SandboxScript = (context: ScriptContext) => string | void | Promise<string | void>;

/** Ends a sandbox script with a FileMaker error, as `Exit Script` after a failed step would. */
export class ScriptError extends Error {
	readonly code: string;

	constructor(
		code: number | string,
		/** An optional script result returned along with the error. */
		readonly result?: string,
	) {
		super(`script error ${code}`);
		this.name = 'ScriptError';
		this.code = String(code);
	}
}

export interface ScriptOutcome {
	/** Absent when the script returned no result, as on FileMaker Server. */
	result?: string;
	error: string;
}

/** FileMaker's "Command is invalid": what an unexpected JavaScript exception stands for. */
const UNEXPECTED_FAILURE = '5';

export class ScriptRegistry {
	private readonly scripts = new Map<string, Map<string, SandboxScript>>();

	constructor(private readonly catalog: (database: string) => readonly string[]) {}

	register(database: string, name: string, script: SandboxScript): void {
		const scripts = this.scripts.get(database) ?? new Map<string, SandboxScript>();
		scripts.set(name, script);
		this.scripts.set(database, scripts);
	}

	/** Registered scripts and those the file's script catalog lists (which do nothing). */
	exists(database: string, name: string): boolean {
		return this.scripts.get(database)?.has(name) === true || this.catalog(database).includes(name);
	}

	registeredNames(database: string): string[] {
		return Array.from(this.scripts.get(database)?.keys() ?? []);
	}

	async run(name: string, context: ScriptContext): Promise<ScriptOutcome> {
		const script = this.scripts.get(context.database)?.get(name);
		if (!script) return { error: '0' };
		try {
			const result = await script(context);
			return result === undefined ? { error: '0' } : { result: String(result), error: '0' };
		} catch (error) {
			if (error instanceof ScriptError) {
				return error.result === undefined
					? { error: error.code }
					: { result: error.result, error: error.code };
			}
			return { error: UNEXPECTED_FAILURE };
		}
	}
}
