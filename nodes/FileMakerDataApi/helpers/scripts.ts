import type { IDataObject } from 'n8n-workflow';

import { FileMakerError, hintFor } from '../../../lib/filemaker/errors';

/** The three moments FileMaker can run a script around a request, and their answer keys. */
const PHASES = [
	{ option: 'preRequestScript', key: 'script.prerequest', label: 'pre-request script' },
	{ option: 'preSortScript', key: 'script.presort', label: 'pre-sort script' },
	{ option: 'script', key: 'script', label: 'script' },
] as const;

type Phase = (typeof PHASES)[number];

export interface ScriptOptions {
	script?: string;
	scriptParameter?: string;
	preRequestScript?: string;
	preRequestScriptParameter?: string;
	preSortScript?: string;
	preSortScriptParameter?: string;
	/** What to do when a script ends with a non-zero error: fail the item (default) or output it. */
	onScriptError?: 'fail' | 'output';
}

/** `script`, `script.param`, `script.prerequest`, ... for the query string or the JSON body. */
export function scriptParameters(options: ScriptOptions): IDataObject {
	const parameters: IDataObject = {};
	for (const phase of PHASES) {
		const name = options[phase.option]?.trim();
		if (!name) continue;
		parameters[phase.key] = name;
		const parameter = options[`${phase.option}Parameter` as keyof ScriptOptions];
		if (parameter !== undefined && parameter !== '') {
			parameters[`${phase.key}.param`] = String(parameter);
		}
	}
	return parameters;
}

function resultKey(phase: Phase, kind: 'scriptResult' | 'scriptError') {
	return phase.key === 'script' ? kind : `${kind}${phase.key.slice('script'.length)}`;
}

/**
 * The script answers FileMaker added to a response (`scriptResult`, `scriptError`,
 * `scriptResult.prerequest`, ...). A non-zero `scriptError` fails the item unless the
 * builder chose to receive it in the output: it is never dropped.
 */
export function scriptOutcome(response: IDataObject, options: ScriptOptions): IDataObject {
	const outcome: IDataObject = {};
	for (const phase of PHASES) {
		const errorKey = resultKey(phase, 'scriptError');
		const resultKeyName = resultKey(phase, 'scriptResult');
		if (response[errorKey] === undefined && response[resultKeyName] === undefined) continue;
		const error = String(response[errorKey] ?? '0');
		if (error !== '0' && options.onScriptError !== 'output') {
			const name = options[phase.option] ?? phase.label;
			throw new FileMakerError(
				`The ${phase.label} "${name}" ended with FileMaker error ${error}`,
				error,
				`Script error ${error}`,
				200,
				hintFor(error) ??
					'Open the script in FileMaker and check the step that failed (Get ( LastError ) shows its code). To receive script errors as output instead, set "On Script Error" to "Output the Error".',
			);
		}
		if (response[resultKeyName] !== undefined) outcome[resultKeyName] = response[resultKeyName];
		outcome[errorKey] = error;
	}
	return outcome;
}
