/**
 * The shape of a sandbox fixture: the FileMaker files the sandbox hosts, their schema,
 * layouts, scripts and seed records. `sandbox/fixtures/filemaker-demo.json` is one.
 *
 * Stored values use one canonical form whatever the request's `dateformats`:
 * date `YYYY-MM-DD`, time `HH:MM:SS` (hours may exceed 24), timestamp `YYYY-MM-DD HH:MM:SS`,
 * number as a JSON number, and `""` for an empty field.
 */
export type FieldValue = string | number;

export type FieldType = 'text' | 'number' | 'date' | 'time' | 'timestamp' | 'container';

export type DisplayType =
	| 'editText'
	| 'popupList'
	| 'popupMenu'
	| 'checkBox'
	| 'calendar'
	| 'radioButtons'
	| 'secureText';

export type AutoEnter =
	| 'serial'
	| 'uuid'
	| 'creationDate'
	| 'creationTimestamp'
	| 'modificationTimestamp';

export interface FixtureField {
	name: string;
	type: FieldType;
	/** Global storage: one value per session, not per record. */
	global?: boolean;
	/** Value a global field has until a session sets it. */
	globalValue?: FieldValue;
	autoEnter?: AutoEnter;
	/** "Prohibit modification of value during data entry" (bypassed by `prohibitmode: script`). */
	prohibitModification?: boolean;
	notEmpty?: boolean;
	unique?: boolean;
	/** "Strict data type: Numeric only". */
	numericOnly?: boolean;
	/** 0 or absent: no limit. */
	maxCharacters?: number;
	/**
	 * When validation applies: `dataEntry` (FileMaker's default, skipped with
	 * `entrymode: script`) or `always`.
	 */
	validate?: 'always' | 'dataEntry';
	maxRepeat?: number;
	valueList?: string;
	displayType?: DisplayType;
}

export interface FixtureTable {
	name: string;
	fields: FixtureField[];
}

/** A table occurrence related to a layout's table, as portals and `TO::Field` finds use it. */
export interface FixtureRelationship {
	/** The related table occurrence's name, the `TO` in `TO::Field`. */
	name: string;
	/** The base table of the related occurrence. */
	table: string;
	/** The table the relationship starts from. */
	from: string;
	/** Match field in `from`. */
	parentKey: string;
	/** Match field in `table`. */
	childKey: string;
	/** "Allow creation of records in this table via this relationship". */
	allowCreation?: boolean;
	/** "Delete related records in this table when a record is deleted in the other table". */
	deleteWithParent?: boolean;
}

export interface FixturePortal {
	/** The portal's object name, which keys `portalData`. */
	name: string;
	relationship: string;
	/** Field names of the related table shown in the portal (without the `TO::` prefix). */
	fields: string[];
}

export interface FixtureLayout {
	name: string;
	/** The layout's table (occurrence of the same name). */
	table: string;
	/** Field names of `table` on the layout, in layout order. */
	fields: string[];
	portals?: FixturePortal[];
	/** The layout folder it is listed in, if any. */
	folder?: string;
}

export interface FixtureValueList {
	name: string;
	values: string[];
}

export interface FixtureScript {
	name: string;
	/** The script folder it is listed in, if any. */
	folder?: string;
}

/** Which records of a table an account may see: those whose `field` holds one of `values`. */
export interface FixtureRecordAccess {
	field: string;
	values: string[];
}

export interface FixtureAccount {
	name: string;
	/** The password of a FileMaker account; an `oauth` account has none. */
	password?: string;
	/**
	 * An account authenticated by an external identity provider (FileMaker Server's OAuth
	 * sign-in): its `name` is the person's email, and Basic credentials never match it.
	 */
	oauth?: true;
	/**
	 * Record-level access of the account's privilege set, per table: only the records whose
	 * field value is listed are visible (and editable) to it. Tables not listed: all records.
	 */
	recordAccess?: Record<string, FixtureRecordAccess>;
}

export interface FixtureDatabase {
	name: string;
	accounts: FixtureAccount[];
	tables: FixtureTable[];
	relationships?: FixtureRelationship[];
	layouts: FixtureLayout[];
	valueLists?: FixtureValueList[];
	/** The script catalog as `GET /databases/{db}/scripts` lists it. */
	scripts?: FixtureScript[];
	/** Seed records per table, in canonical form; omitted fields start empty. */
	records?: Record<string, Array<Record<string, FieldValue>>>;
}

export interface FixtureProductInfo {
	name: string;
	buildDate: string;
	version: string;
	dateFormat: string;
	timeFormat: string;
	timeStampFormat: string;
}

export interface FileMakerFixture {
	productInfo?: Partial<FixtureProductInfo>;
	databases: FixtureDatabase[];
}
