import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** A record as the Data API returns it. */
export interface FileMakerRecord {
	fieldData: IDataObject;
	portalData?: Record<string, IDataObject[]>;
	recordId: string;
	modId: string;
	portalDataInfo?: IDataObject[];
}

export interface DataInfo {
	database: string;
	layout: string;
	table: string;
	totalRecordCount: number;
	foundCount: number;
	returnedCount: number;
}

/** `response` of a get, get-range or find call. */
export interface RecordsResponse extends IDataObject {
	dataInfo: DataInfo & IDataObject;
	data: Array<FileMakerRecord & IDataObject>;
}

/**
 * One flat object per record: `recordId`, `modId`, then the fields by name, then the portal
 * rows (as FileMaker names them, `TO::Field`, so they can be written back unchanged).
 */
export function simplifyRecord(record: FileMakerRecord): IDataObject {
	const simple: IDataObject = {
		recordId: record.recordId,
		modId: record.modId,
		...record.fieldData,
	};
	if (record.portalData && Object.keys(record.portalData).length > 0) {
		simple.portalData = record.portalData;
	}
	return simple;
}

/** One output item per record, with the script results (if any) added to each. */
export function recordItems(
	records: Array<FileMakerRecord & IDataObject>,
	simplify: boolean,
	scripts: IDataObject,
): INodeExecutionData[] {
	const withScripts = Object.keys(scripts).length > 0;
	return records.map((record) => {
		const json = simplify ? simplifyRecord(record) : record;
		return { json: withScripts ? Object.assign(json, scripts) : json };
	});
}
