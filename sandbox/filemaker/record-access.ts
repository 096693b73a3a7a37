import type { DatabaseSchema } from './schema';
import type { SandboxRecord } from './store';

/**
 * Whether the account of a session (or an OData request) may see a record of `table`: its
 * privilege set's record-level access. Every read goes through it (Data API records, finds,
 * portals, OData rows and counts) and so does every write to an existing record: a record the
 * account cannot see is, to that account, missing (Data API 101, OData -1023).
 */
export type RecordVisibility = (table: string, record: SandboxRecord) => boolean;

export const SEES_ALL_RECORDS: RecordVisibility = () => true;

/**
 * The visibility of `account` in `database`, from the fixture's `recordAccess`. Accounts the
 * file does not list (Claris IDs on FileMaker Cloud) and accounts without `recordAccess` see
 * every record.
 */
export function recordVisibility(
	database: DatabaseSchema,
	account: string | undefined,
): RecordVisibility {
	if (account === undefined) return SEES_ALL_RECORDS;
	const rules = database.accounts.find(
		(candidate) => candidate.name.toLowerCase() === account.toLowerCase(),
	)?.recordAccess;
	if (!rules || Object.keys(rules).length === 0) return SEES_ALL_RECORDS;
	return (table, record) => {
		const rule = rules[table];
		if (!rule) return true;
		const value = record.fields[rule.field];
		return value !== undefined && rule.values.includes(String(value));
	};
}

/** The records of `table` that `visible` lets through, in their order. */
export function visibleRecords(
	visible: RecordVisibility,
	table: string,
	records: SandboxRecord[],
): SandboxRecord[] {
	return visible === SEES_ALL_RECORDS
		? records
		: records.filter((record) => visible(table, record));
}
