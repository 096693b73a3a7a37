import { FileMakerError } from './envelope';
import type { ScriptCall, ScriptCalls } from './request-params';
import type { ScriptContext, ScriptOutcome } from './scripts';
import type { FileMakerServices } from './services';

type Phase = keyof ScriptCalls;

const RESPONSE_SUFFIX: Record<Phase, string> = {
	prerequest: '.prerequest',
	presort: '.presort',
	after: '',
};

/**
 * The scripts one request asked for, run in FileMaker's order: `script.prerequest` before
 * the request, `script.presort` before sorting, `script` last. Their outcomes become
 * `scriptResult[.phase]` / `scriptError[.phase]` at the top of the response.
 */
export class ScriptPhases {
	private readonly outcomes = new Map<Phase, ScriptOutcome>();

	constructor(
		private readonly services: FileMakerServices,
		private readonly calls: ScriptCalls,
		private readonly context: Omit<ScriptContext, 'parameter' | 'store'>,
	) {
		// A script that does not exist fails the whole request (104) before anything runs.
		for (const call of Object.values(calls) as ScriptCall[]) {
			if (!services.scripts.exists(context.database, call.name)) throw new FileMakerError('104');
		}
	}

	/** Gives the scripts the record the request works on, once it is known. */
	setRecordId(recordId: number): void {
		this.context.recordId = recordId;
	}

	async run(phase: Phase): Promise<void> {
		const call = this.calls[phase];
		if (!call) return;
		const outcome = await this.services.scripts.run(call.name, {
			...this.context,
			parameter: call.parameter,
			store: this.services.store,
		});
		this.outcomes.set(phase, outcome);
	}

	/** Runs whichever of the presort and after-request scripts were asked for. */
	async runAfterRequest(): Promise<void> {
		await this.run('presort');
		await this.run('after');
	}

	responseKeys(): Record<string, string> {
		const keys: Record<string, string> = {};
		for (const phase of ['prerequest', 'presort', 'after'] as const) {
			const outcome = this.outcomes.get(phase);
			if (!outcome) continue;
			const suffix = RESPONSE_SUFFIX[phase];
			if (outcome.result !== undefined) keys[`scriptResult${suffix}`] = outcome.result;
			keys[`scriptError${suffix}`] = outcome.error;
		}
		return keys;
	}
}
