import { canonicalTimestamp } from './field-values';
import { ScriptError, type SandboxScript } from './scripts';

/** The database the demo fixture hosts and these scripts belong to. */
export const DEMO_DATABASE = 'Contacts';

/**
 * JavaScript stand-ins for the scripts of the demo file. Like FileMaker scripts they see
 * the script parameter and work on the data; their return value is the script result.
 */
export function demoScripts(now: () => number): Record<string, SandboxScript> {
	return {
		/** Appends the parameter (a webhook payload, say) to the Log table. */
		'Log Webhook': ({ parameter, database, store }) => {
			store.insert(database, 'Log', { message: parameter, source: 'webhook' });
			return 'logged';
		},

		/**
		 * Marks a contact as touched. The parameter is a record ID, or JSON
		 * `{"recordId": 5, "status": "Customer"}`; without one, the request's record.
		 */
		'Touch Contact': ({ parameter, database, recordId, store }) => {
			const { id, status } = touchParameter(parameter, recordId);
			if (id === undefined || !store.record(database, 'Contacts', id)) throw new ScriptError(101);
			store.update(database, 'Contacts', id, {
				updatedAt: canonicalTimestamp(now()),
				...(status === undefined ? {} : { status }),
			});
			return 'touched';
		},

		/** Ends with FileMaker error 3 ("Command is unavailable"), as a failing step would. */
		Fail: () => {
			throw new ScriptError(3);
		},

		Echo: ({ parameter }) => parameter,

		'Count Contacts': ({ database, store }) => String(store.count(database, 'Contacts')),
	};
}

function touchParameter(
	parameter: string,
	requestRecordId?: number,
): { id?: number; status?: string } {
	const trimmed = parameter.trim();
	if (trimmed === '') return { id: requestRecordId };
	if (/^\d+$/.test(trimmed)) return { id: Number(trimmed) };
	try {
		const parsed = JSON.parse(trimmed) as { recordId?: unknown; status?: unknown };
		return {
			id: parsed.recordId === undefined ? requestRecordId : Number(parsed.recordId),
			status: typeof parsed.status === 'string' ? parsed.status : undefined,
		};
	} catch {
		throw new ScriptError(5);
	}
}
