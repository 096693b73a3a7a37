import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { listTableNames } from '../helpers/service';
import { getMappingFields } from './resource-mapping';
import { getTable } from '../helpers/tables';

export const listSearch = {
	async searchTables(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const names = await listTableNames(this);
		const wanted = filter?.toLowerCase();
		return {
			results: names
				.filter((name) => !wanted || name.toLowerCase().includes(wanted))
				.map((name) => ({ name, value: name })),
		};
	},
};

export const loadOptions = {
	async getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const table = String(this.getNodeParameter('table', '', { extractValue: true }) ?? '');
		if (!table) return [];
		const { fields, keys } = await getTable(this, table);
		return fields.map((field) => ({
			name: field.name,
			value: field.name,
			description: `${field.type.replace('Edm.', '')}${keys.includes(field.name) ? ', key' : ''}`,
		}));
	},
};

export const resourceMapping = { getMappingFields };
