import { FileMakerError } from './envelope';
import { parseFieldInput, type DateFormats } from './field-values';
import type { FieldValue, FixtureField } from './fixture-types';
import type { RequestParams } from './request-params';
import type { LayoutSchema, PortalSchema, RelationshipSchema, TableSchema } from './schema';
import { repetitionKey, sameKey, type SandboxRecord, type SandboxStore } from './store';

export interface WriteOptions {
	dateformats: DateFormats;
	/** `options.entrymode: "script"`: skip validation that applies only during data entry. */
	entryModeScript: boolean;
	/** `options.prohibitmode: "script"`: allow writing fields that prohibit modification. */
	prohibitModeScript: boolean;
}

export function takeWriteOptions(params: RequestParams): WriteOptions {
	const options = params.take('options') ?? {};
	if (typeof options !== 'object' || options === null || Array.isArray(options)) {
		throw new FileMakerError('960');
	}
	let entryModeScript = false;
	let prohibitModeScript = false;
	for (const [key, value] of Object.entries(options)) {
		if (
			(key !== 'entrymode' && key !== 'prohibitmode') ||
			(value !== 'script' && value !== 'user')
		) {
			throw new FileMakerError('960');
		}
		if (key === 'entrymode') entryModeScript = value === 'script';
		else prohibitModeScript = value === 'script';
	}
	return { dateformats: params.dateformats(), entryModeScript, prohibitModeScript };
}

/** `fieldData` of a create or edit, checked against the layout and converted to stored form. */
export interface FieldChanges {
	/** Stored values keyed by field name, or `Field(n)` for later repetitions. */
	values: Record<string, FieldValue>;
	/** Fields whose values change, for validation. */
	fields: FixtureField[];
	/** Global field values for the session, keyed `Table::Field`. */
	globals: Map<string, FieldValue>;
	/** `deleteRelated` entries, `Portal.recordId`. */
	deleteRelated: string[];
}

interface PortalWrite {
	portal: PortalSchema;
	recordId?: number;
	modId?: number;
	values: Record<string, FieldValue>;
	fields: FixtureField[];
}

interface RelatedDeletion {
	relationship: RelationshipSchema;
	recordId: number;
}

/** What an edit that created portal rows answers with, one entry per new related record. */
export interface NewPortalRecordInfo {
	tableName: string;
	recordId: string;
	modId: string;
}

/**
 * Applies `fieldData`, `portalData` and `deleteRelated` of create and edit requests with
 * FileMaker's rules: only fields on the layout, field types, validation (honouring
 * `entrymode`), "prohibit modification" (honouring `prohibitmode`) and relationships.
 * Everything is checked before anything is written.
 */
export class RecordWriter {
	constructor(
		private readonly store: SandboxStore,
		private readonly database: string,
		private readonly layout: LayoutSchema,
		private readonly options: WriteOptions,
	) {}

	fieldChanges(fieldData: unknown, allowDeleteRelated: boolean): FieldChanges {
		const changes: FieldChanges = { values: {}, fields: [], globals: new Map(), deleteRelated: [] };
		for (const [key, value] of Object.entries(objectParam(fieldData))) {
			if (key === 'deleteRelated' && allowDeleteRelated) {
				changes.deleteRelated.push(...deleteRelatedList(value));
				continue;
			}
			const { name, repetition } = splitRepetition(key);
			const field = this.layout.fields.find((candidate) => candidate.name === name);
			if (!field) throw new FileMakerError('102');
			const stored = this.parseValue(field, repetition, value);
			if (field.global) {
				changes.globals.set(`${this.layout.table.name}::${field.name}`, stored);
			} else {
				changes.values[repetitionKey(field.name, repetition)] = stored;
				changes.fields.push(field);
			}
		}
		return changes;
	}

	/** Validation of a new record: every field, counting auto-entered ones as filled. */
	checkNewRecord(values: Record<string, FieldValue>): void {
		const table = this.layout.table;
		for (const field of table.fields.values()) {
			const value = values[field.name] ?? (field.autoEnter ? undefined : '');
			if (value !== undefined) this.checkField(table, field, value);
		}
	}

	/** Validation of changed fields of an existing record. */
	checkChanges(
		table: TableSchema,
		changes: { values: Record<string, FieldValue>; fields: FixtureField[] },
		recordId?: number,
	): void {
		for (const field of changes.fields)
			this.checkField(table, field, changes.values[field.name] ?? '', recordId);
	}

	portalWrites(portalData: unknown): PortalWrite[] {
		const writes: PortalWrite[] = [];
		for (const [portalName, rows] of Object.entries(objectParam(portalData))) {
			const portal = this.portalNamed(portalName);
			if (!Array.isArray(rows)) throw new FileMakerError('960');
			for (const row of rows) writes.push(this.portalWrite(portal, row));
		}
		return writes;
	}

	/** Checks portal rows before anything is written; a new parent has no related rows yet. */
	checkPortalWrites(parent: SandboxRecord | undefined, writes: PortalWrite[]): void {
		for (const write of writes) {
			const { relationship } = write.portal;
			if (write.recordId === undefined) {
				if (!relationship.allowCreation) throw new FileMakerError('200');
				this.checkNewRelated(relationship.table, write.values);
				continue;
			}
			if (!parent) throw new FileMakerError('101');
			const row = this.relatedRecord(relationship, parent, write.recordId);
			if (write.modId !== undefined && write.modId !== row.modId) throw new FileMakerError('306');
			this.checkChanges(relationship.table, write, row.recordId);
		}
	}

	applyPortalWrites(parent: SandboxRecord, writes: PortalWrite[]): NewPortalRecordInfo[] {
		const created: NewPortalRecordInfo[] = [];
		for (const { portal, recordId, values } of writes) {
			const { relationship } = portal;
			const table = relationship.table.name;
			if (recordId === undefined) {
				const row = this.store.insert(this.database, table, {
					...values,
					[relationship.childKey]: parent.fields[relationship.parentKey],
				});
				created.push({
					tableName: relationship.name,
					recordId: String(row.recordId),
					modId: String(row.modId),
				});
			} else if (Object.keys(values).length > 0) {
				this.store.update(this.database, table, recordId, values);
			}
		}
		return created;
	}

	/** Resolves `deleteRelated` entries (`Portal.recordId`) to related records of `parent`. */
	relatedDeletions(parent: SandboxRecord, entries: string[]): RelatedDeletion[] {
		return entries.map((entry) => {
			const dot = entry.lastIndexOf('.');
			const recordId = Number(entry.slice(dot + 1));
			if (dot === -1 || !Number.isInteger(recordId)) throw new FileMakerError('960');
			const portal = this.portalNamed(entry.slice(0, dot));
			this.relatedRecord(portal.relationship, parent, recordId);
			return { relationship: portal.relationship, recordId };
		});
	}

	applyDeletions(deletions: RelatedDeletion[]): void {
		for (const { relationship, recordId } of deletions) {
			this.store.delete(this.database, relationship.table.name, recordId);
		}
	}

	private portalWrite(portal: PortalSchema, row: unknown): PortalWrite {
		const write: PortalWrite = { portal, values: {}, fields: [] };
		const prefix = `${portal.relationship.name}::`;
		for (const [key, value] of Object.entries(objectParam(row))) {
			if (key === 'recordId' || key === 'modId') {
				const number = Number(value);
				if ((typeof value !== 'string' && typeof value !== 'number') || !Number.isInteger(number)) {
					throw new FileMakerError('960');
				}
				write[key] = number;
				continue;
			}
			const { name, repetition } = splitRepetition(
				key.startsWith(prefix) ? key.slice(prefix.length) : '',
			);
			const field = portal.fields.find((candidate) => candidate.name === name);
			if (!field || field.global) throw new FileMakerError('102');
			write.values[repetitionKey(field.name, repetition)] = this.parseValue(
				field,
				repetition,
				value,
			);
			write.fields.push(field);
		}
		return write;
	}

	private parseValue(field: FixtureField, repetition: number, value: unknown): FieldValue {
		if (repetition > (field.maxRepeat ?? 1)) throw new FileMakerError('111');
		if (field.prohibitModification && !this.options.prohibitModeScript)
			throw new FileMakerError('201');
		if (field.type === 'container' && (value === '' || value === null)) return '';
		return parseFieldInput(field, value, this.options.dateformats);
	}

	private checkNewRelated(table: TableSchema, values: Record<string, FieldValue>): void {
		for (const field of table.fields.values()) {
			const value = values[field.name] ?? (field.autoEnter ? undefined : '');
			if (value !== undefined) this.checkField(table, field, value);
		}
	}

	private checkField(
		table: TableSchema,
		field: FixtureField,
		value: FieldValue,
		recordId?: number,
	): void {
		if (field.global) return;
		if (field.validate !== 'always' && this.options.entryModeScript) return;
		if (field.notEmpty && value === '') throw new FileMakerError('509');
		if (value === '') return;
		if (field.numericOnly && typeof value !== 'number') throw new FileMakerError('502');
		if (field.maxCharacters && String(value).length > field.maxCharacters)
			throw new FileMakerError('511');
		if (field.unique) {
			const taken = this.store
				.records(this.database, table.name)
				.some((other) => other.recordId !== recordId && sameValue(other.fields[field.name], value));
			if (taken) throw new FileMakerError('504');
		}
	}

	private portalNamed(name: string): PortalSchema {
		const portal = this.layout.portals.find(
			(candidate) => candidate.name === name || candidate.relationship.name === name,
		);
		if (!portal) throw new FileMakerError('102');
		return portal;
	}

	private relatedRecord(
		relationship: RelationshipSchema,
		parent: SandboxRecord,
		recordId: number,
	): SandboxRecord {
		const row = this.store.record(this.database, relationship.table.name, recordId);
		if (
			!row ||
			!sameKey(row.fields[relationship.childKey], parent.fields[relationship.parentKey])
		) {
			throw new FileMakerError('101');
		}
		return row;
	}
}

function objectParam(value: unknown): Record<string, unknown> {
	if (value === undefined) return {};
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new FileMakerError('960');
	return value as Record<string, unknown>;
}

function deleteRelatedList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : [value];
	if (entries.some((entry) => typeof entry !== 'string')) throw new FileMakerError('960');
	return entries as string[];
}

/** `Field(2)` is the second repetition of `Field`. */
function splitRepetition(key: string): { name: string; repetition: number } {
	const match = /^(.+)\((\d+)\)$/.exec(key);
	return match ? { name: match[1], repetition: Number(match[2]) } : { name: key, repetition: 1 };
}

const uniqueCollator = new Intl.Collator('en', { sensitivity: 'base' });

function sameValue(stored: FieldValue | undefined, value: FieldValue): boolean {
	if (stored === undefined || stored === '') return false;
	if (typeof stored === 'number' || typeof value === 'number')
		return Number(stored) === Number(value);
	return uniqueCollator.compare(stored, value) === 0;
}
