import type {
	FixtureAccount,
	FixtureDatabase,
	FixtureField,
	FixtureRelationship,
	FixtureScript,
	FixtureValueList,
} from './fixture-types';

export interface TableSchema {
	name: string;
	fields: Map<string, FixtureField>;
}

export interface RelationshipSchema extends Omit<FixtureRelationship, 'table'> {
	table: TableSchema;
}

export interface PortalSchema {
	name: string;
	relationship: RelationshipSchema;
	fields: FixtureField[];
}

export interface LayoutSchema {
	name: string;
	table: TableSchema;
	fields: FixtureField[];
	portals: PortalSchema[];
	folder?: string;
}

/** One hosted FileMaker file: its tables, relationships and layouts, resolved by name. */
export class DatabaseSchema {
	readonly name: string;
	readonly accounts: FixtureAccount[];
	readonly tables = new Map<string, TableSchema>();
	readonly relationships = new Map<string, RelationshipSchema>();
	readonly layouts = new Map<string, LayoutSchema>();
	readonly valueLists: Map<string, FixtureValueList>;
	readonly scriptCatalog: FixtureScript[];

	constructor(fixture: FixtureDatabase) {
		const where = `fixture database "${fixture.name}"`;
		this.name = fixture.name;
		this.accounts = fixture.accounts;
		this.valueLists = new Map((fixture.valueLists ?? []).map((list) => [list.name, list]));
		this.scriptCatalog = fixture.scripts ?? [];

		for (const table of fixture.tables) {
			this.tables.set(table.name, {
				name: table.name,
				fields: new Map(table.fields.map((field) => [field.name, field])),
			});
		}
		for (const relationship of fixture.relationships ?? []) {
			const table = this.requireTable(relationship.table, where);
			this.requireField(this.requireTable(relationship.from, where), relationship.parentKey, where);
			this.requireField(table, relationship.childKey, where);
			this.relationships.set(relationship.name, { ...relationship, table });
		}
		for (const layout of fixture.layouts) {
			const table = this.requireTable(layout.table, where);
			const portals = (layout.portals ?? []).map((portal) => {
				const relationship = this.relationships.get(portal.relationship);
				if (!relationship || relationship.from !== table.name) {
					throw new Error(
						`${where}: portal "${portal.name}" needs a relationship from ${table.name}`,
					);
				}
				return {
					name: portal.name,
					relationship,
					fields: portal.fields.map((name) => this.requireField(relationship.table, name, where)),
				};
			});
			this.layouts.set(layout.name, {
				name: layout.name,
				table,
				fields: layout.fields.map((name) => this.requireField(table, name, where)),
				portals,
				folder: layout.folder,
			});
		}
	}

	/** Relationships whose portals or `TO::Field` criteria a layout of `table` can use. */
	relationshipFrom(tableName: string, relationshipName: string): RelationshipSchema | undefined {
		const relationship = this.relationships.get(relationshipName);
		return relationship?.from === tableName ? relationship : undefined;
	}

	private requireTable(name: string, where: string): TableSchema {
		const table = this.tables.get(name);
		if (!table) throw new Error(`${where}: no table "${name}"`);
		return table;
	}

	private requireField(table: TableSchema, name: string, where: string): FixtureField {
		const field = table.fields.get(name);
		if (!field) throw new Error(`${where}: no field "${name}" in table "${table.name}"`);
		return field;
	}
}
