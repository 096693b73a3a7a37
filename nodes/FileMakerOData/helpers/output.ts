import type { IDataObject } from 'n8n-workflow';

/** A row without OData's annotations (`@odata.id`, `@odata.etag`, ...). */
export function rowFields(row: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(row).filter(([name]) => !name.includes('@')));
}
