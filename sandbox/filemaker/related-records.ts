import { SEES_ALL_RECORDS, type RecordVisibility } from './record-access';
import type { RelationshipSchema } from './schema';
import type { SandboxRecord, SandboxStore } from './store';

/**
 * Finds the related records of a parent through a relationship. Each relationship's child
 * table is indexed once by its match field, so a page of 1000 parents with portals costs
 * one pass over the children rather than one per parent.
 */
export class RelatedRecords {
	private readonly indexes = new Map<string, Map<string, SandboxRecord[]>>();

	constructor(
		private readonly store: SandboxStore,
		private readonly database: string,
		/** Related records the account may not see are not related to anything for it. */
		private readonly visible: RecordVisibility = SEES_ALL_RECORDS,
	) {}

	of(relationship: RelationshipSchema, parent: SandboxRecord): SandboxRecord[] {
		const key = parent.fields[relationship.parentKey];
		if (key === undefined || key === '') return [];
		return this.index(relationship).get(String(key)) ?? [];
	}

	private index(relationship: RelationshipSchema): Map<string, SandboxRecord[]> {
		let index = this.indexes.get(relationship.name);
		if (!index) {
			index = new Map();
			for (const child of this.store.records(this.database, relationship.table.name)) {
				const key = child.fields[relationship.childKey];
				if (key === undefined || key === '') continue;
				if (!this.visible(relationship.table.name, child)) continue;
				const siblings = index.get(String(key));
				if (siblings) siblings.push(child);
				else index.set(String(key), [child]);
			}
			this.indexes.set(relationship.name, index);
		}
		return index;
	}
}
