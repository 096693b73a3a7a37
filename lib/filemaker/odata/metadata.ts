import { XMLParser } from 'fast-xml-parser';

/** A table (entity set) as `$metadata` describes it. */
export interface ODataTable {
	name: string;
	keys: string[];
	fields: ODataField[];
}

export interface ODataField {
	name: string;
	/** `Edm.String`, `Edm.Decimal`, `Edm.Date`, ... */
	type: string;
	nullable: boolean;
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	removeNSPrefix: true,
	isArray: (name) =>
		['Schema', 'EntityType', 'Property', 'PropertyRef', 'EntitySet'].includes(name),
});

function list(value: unknown): XmlNode[] {
	return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/**
 * The tables of a CSDL `$metadata` document: each entity set with its entity type's
 * properties and keys. Unknown elements are ignored.
 */
export function parseMetadata(xml: string): ODataTable[] {
	const document = parser.parse(xml) as XmlNode;
	const dataServices = (document.Edmx as XmlNode | undefined)?.DataServices as XmlNode | undefined;
	const schemas = list(dataServices?.Schema);
	const types = new Map<string, XmlNode>();
	for (const schema of schemas) {
		for (const entityType of list(schema.EntityType)) {
			types.set(`${String(schema.Namespace)}.${String(entityType.Name)}`, entityType);
			types.set(String(entityType.Name), entityType);
		}
	}
	const tables: ODataTable[] = [];
	for (const schema of schemas) {
		const container = schema.EntityContainer as XmlNode | undefined;
		for (const set of list(container?.EntitySet)) {
			const entityType = types.get(String(set.EntityType));
			tables.push({
				name: String(set.Name),
				keys: list((entityType?.Key as XmlNode | undefined)?.PropertyRef).map((ref) =>
					String(ref.Name),
				),
				fields: list(entityType?.Property).map((property) => ({
					name: String(property.Name),
					type: String(property.Type ?? 'Edm.String'),
					nullable: property.Nullable !== 'false',
				})),
			});
		}
	}
	return tables;
}
