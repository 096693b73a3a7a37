import { InputError } from '../../shared/node-error';

/** A JSON parameter the builder typed, parsed; bad JSON gets an error naming the parameter. */
export function parseJson(text: string, parameter: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw invalidJson(parameter, error);
	}
}

function invalidJson(parameter: string, error: unknown): InputError {
	return new InputError(
		`"${parameter}" is not valid JSON: ${(error as Error).message}`,
		'Check quotes and commas, or build the value with an expression such as {{ JSON.stringify($json) }}.',
	);
}
