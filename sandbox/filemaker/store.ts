import { randomUUID } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';
import { canonicalDate, canonicalTimestamp } from './field-values';
import type { FieldValue, FixtureField } from './fixture-types';
import type { DatabaseSchema, TableSchema } from './schema';

export interface SandboxRecord {
	recordId: number;
	/** Starts at 0 and grows with every change, as FileMaker's modification count does. */
	modId: number;
	/** Stored values in canonical form (see fixture-types.ts); global fields are not here. */
	fields: Record<string, FieldValue>;
}

export interface StoredContainer {
	bytes: Buffer;
	fileName: string;
	contentType: string;
}

interface TableState {
	records: SandboxRecord[];
	nextRecordId: number;
	nextSerial: Map<string, number>;
}

/** What `SandboxStore.snapshot()` returns; opaque to callers. */
export interface StoreSnapshot {
	readonly tables: Map<string, TableState>;
	readonly containers: Map<string, StoredContainer>;
}

class TableRows {
	readonly records = new Map<number, SandboxRecord>();
	nextRecordId = 1;
	readonly nextSerial = new Map<string, number>();

	constructor(readonly schema: TableSchema) {}
}

/** The key of repetition `repetition` of a field in `SandboxRecord.fields`. */
export function repetitionKey(fieldName: string, repetition = 1): string {
	return repetition === 1 ? fieldName : `${fieldName}(${repetition})`;
}

/**
 * The records of every hosted file, in memory. Records keep creation order, which is the
 * order FileMaker returns them in when nothing is sorted. Tests and sandbox scripts use
 * this API directly; it applies auto-enter options but no validation.
 */
export class SandboxStore {
	private readonly tables = new Map<string, TableRows>();
	private readonly containers = new Map<string, StoredContainer>();
	private readonly schemas = new Map<string, DatabaseSchema>();

	constructor(
		databases: Iterable<DatabaseSchema>,
		private readonly clock: SandboxClock,
	) {
		for (const database of databases) {
			this.schemas.set(database.name, database);
			for (const table of database.tables.values()) {
				this.tables.set(tableKey(database.name, table.name), new TableRows(table));
			}
		}
	}

	/** The records of a table in creation order. Treat them as read-only. */
	records(database: string, table: string): SandboxRecord[] {
		return Array.from(this.rows(database, table).records.values());
	}

	record(database: string, table: string, recordId: number): SandboxRecord | undefined {
		return this.rows(database, table).records.get(recordId);
	}

	count(database: string, table: string): number {
		return this.rows(database, table).records.size;
	}

	insert(database: string, table: string, fields: Record<string, FieldValue> = {}): SandboxRecord {
		const rows = this.rows(database, table);
		const stored: Record<string, FieldValue> = {};
		for (const field of rows.schema.fields.values()) {
			if (field.global) continue;
			const given = fields[field.name];
			stored[field.name] = given ?? this.autoEnterValue(rows, field);
			if (field.autoEnter === 'serial' && typeof given === 'number') {
				rows.nextSerial.set(field.name, Math.max(this.peekSerial(rows, field), given + 1));
			}
		}
		for (const [name, value] of Object.entries(fields)) {
			if (!(name in stored) && !this.isRepetitionOf(rows.schema, name)) {
				throw new Error(`table ${database}::${table} has no stored field "${name}"`);
			}
			stored[name] = value;
		}
		const record: SandboxRecord = { recordId: rows.nextRecordId++, modId: 0, fields: stored };
		rows.records.set(record.recordId, record);
		return record;
	}

	/** Seeds many records quickly: `fieldsFor(i)` gives the fields of the i-th (0-based). */
	insertMany(
		database: string,
		table: string,
		count: number,
		fieldsFor: (index: number) => Record<string, FieldValue> = () => ({}),
	): void {
		for (let index = 0; index < count; index++) this.insert(database, table, fieldsFor(index));
	}

	/** Sets stored values, counts a modification and refreshes modification auto-enter fields. */
	update(
		database: string,
		table: string,
		recordId: number,
		fields: Record<string, FieldValue>,
	): SandboxRecord {
		const rows = this.rows(database, table);
		const record = this.requireRecord(rows, recordId);
		Object.assign(record.fields, fields);
		this.touch(rows, record);
		return record;
	}

	/** Deletes a record and, through relationships that say so, its related records. */
	delete(database: string, table: string, recordId: number): boolean {
		const rows = this.rows(database, table);
		const record = rows.records.get(recordId);
		if (!record) return false;
		rows.records.delete(recordId);
		for (const key of this.containers.keys()) {
			if (key.startsWith(containerPrefix(database, table, recordId))) this.containers.delete(key);
		}
		for (const relationship of this.schemas.get(database)?.relationships.values() ?? []) {
			if (relationship.from !== table || !relationship.deleteWithParent) continue;
			const parentValue = record.fields[relationship.parentKey];
			if (parentValue === '' || parentValue === undefined) continue;
			for (const child of this.records(database, relationship.table.name)) {
				if (sameKey(child.fields[relationship.childKey], parentValue)) {
					this.delete(database, relationship.table.name, child.recordId);
				}
			}
		}
		return true;
	}

	/** A copy with a new record ID; serials and creation values are entered anew. */
	duplicate(database: string, table: string, recordId: number): SandboxRecord {
		const rows = this.rows(database, table);
		const original = this.requireRecord(rows, recordId);
		const fields = { ...original.fields };
		for (const field of rows.schema.fields.values()) {
			if (field.autoEnter && field.autoEnter !== 'modificationTimestamp') delete fields[field.name];
		}
		const copy = this.insert(database, table, fields);
		for (const [key, container] of this.containers) {
			const prefix = containerPrefix(database, table, recordId);
			if (key.startsWith(prefix)) {
				this.containers.set(
					containerPrefix(database, table, copy.recordId) + key.slice(prefix.length),
					container,
				);
			}
		}
		return copy;
	}

	containerBytes(
		database: string,
		table: string,
		recordId: number,
		field: string,
		repetition = 1,
	): Buffer | undefined {
		return this.container(database, table, recordId, field, repetition)?.bytes;
	}

	container(
		database: string,
		table: string,
		recordId: number,
		field: string,
		repetition = 1,
	): StoredContainer | undefined {
		return this.containers.get(containerKey(database, table, recordId, field, repetition));
	}

	/** Stores a file in a container field; the field's stored value becomes the file name. */
	putContainer(
		database: string,
		table: string,
		recordId: number,
		field: string,
		repetition: number,
		container: StoredContainer,
	): SandboxRecord {
		this.containers.set(containerKey(database, table, recordId, field, repetition), container);
		return this.update(database, table, recordId, {
			[repetitionKey(field, repetition)]: container.fileName,
		});
	}

	clearContainer(
		database: string,
		table: string,
		recordId: number,
		field: string,
		repetition: number,
	): void {
		this.containers.delete(containerKey(database, table, recordId, field, repetition));
	}

	/**
	 * A copy of every table, record and container, for `restore`: OData changesets roll back
	 * with it. Records are copied, so later changes do not reach the snapshot.
	 */
	snapshot(): StoreSnapshot {
		const tables = new Map<string, TableState>();
		for (const [key, rows] of this.tables) {
			tables.set(key, {
				records: Array.from(rows.records.values(), (record) => ({
					...record,
					fields: { ...record.fields },
				})),
				nextRecordId: rows.nextRecordId,
				nextSerial: new Map(rows.nextSerial),
			});
		}
		return { tables, containers: new Map(this.containers) };
	}

	/** Puts the store back as it was when `snapshot()` was taken. */
	restore(snapshot: StoreSnapshot): void {
		for (const [key, state] of snapshot.tables) {
			const rows = this.tables.get(key);
			if (!rows) continue;
			rows.records.clear();
			for (const record of state.records) {
				rows.records.set(record.recordId, { ...record, fields: { ...record.fields } });
			}
			rows.nextRecordId = state.nextRecordId;
			rows.nextSerial.clear();
			for (const [name, serial] of state.nextSerial) rows.nextSerial.set(name, serial);
		}
		this.containers.clear();
		for (const [key, container] of snapshot.containers) this.containers.set(key, container);
	}

	private touch(rows: TableRows, record: SandboxRecord): void {
		record.modId += 1;
		for (const field of rows.schema.fields.values()) {
			if (field.autoEnter === 'modificationTimestamp') {
				record.fields[field.name] = this.autoEnterValue(rows, field);
			}
		}
	}

	private autoEnterValue(rows: TableRows, field: FixtureField): FieldValue {
		const now = this.clock.now();
		switch (field.autoEnter) {
			case 'serial': {
				const serial = this.peekSerial(rows, field);
				rows.nextSerial.set(field.name, serial + 1);
				return serial;
			}
			case 'uuid':
				return randomUUID().toUpperCase();
			case 'creationDate':
				return canonicalDate(now);
			case 'creationTimestamp':
			case 'modificationTimestamp':
				return canonicalTimestamp(now);
			default:
				return '';
		}
	}

	private peekSerial(rows: TableRows, field: FixtureField): number {
		return rows.nextSerial.get(field.name) ?? 1;
	}

	private isRepetitionOf(table: TableSchema, key: string): boolean {
		const match = /^(.+)\((\d+)\)$/.exec(key);
		const field = match && table.fields.get(match[1]);
		return !!field && Number(match[2]) <= (field.maxRepeat ?? 1);
	}

	private rows(database: string, table: string): TableRows {
		const rows = this.tables.get(tableKey(database, table));
		if (!rows) throw new Error(`the sandbox hosts no table ${database}::${table}`);
		return rows;
	}

	private requireRecord(rows: TableRows, recordId: number): SandboxRecord {
		const record = rows.records.get(recordId);
		if (!record) throw new Error(`no record ${recordId} in ${rows.schema.name}`);
		return record;
	}
}

/** Match fields compare as FileMaker relationships do: numbers and their text alike. */
export function sameKey(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
	return a !== undefined && b !== undefined && a !== '' && String(a) === String(b);
}

const tableKey = (database: string, table: string) => `${database}\u0000${table}`;
const containerPrefix = (database: string, table: string, recordId: number) =>
	`${tableKey(database, table)}\u0000${recordId}\u0000`;
const containerKey = (
	database: string,
	table: string,
	recordId: number,
	field: string,
	repetition: number,
) => `${containerPrefix(database, table, recordId)}${field}\u0000${repetition}`;
