import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { toNodeError } from '../../shared/node-error';
import type { FieldMetaData } from '../helpers/layout-metadata';
import { accessibleFields, getLayoutMetadata, listScripts } from '../helpers/layout-metadata';
import { selectedLayout } from './layout-of';
import { isWritable } from './writable-fields';

async function fieldOptions(
	context: ILoadOptionsFunctions,
	keep: (field: FieldMetaData) => boolean,
): Promise<INodePropertyOptions[]> {
	const layout = selectedLayout(context);
	if (!layout) return [];
	try {
		const metadata = await getLayoutMetadata(context, layout);
		return accessibleFields(metadata)
			.filter(keep)
			.map((field) => ({ name: field.name, value: field.name, description: describe(field) }));
	} catch (error) {
		throw toNodeError(context.getNode(), error, 0);
	}
}

function describe(field: FieldMetaData): string {
	const kind = field.type === 'normal' ? field.result : `${field.type} (${field.result})`;
	return field.global ? `${kind}, global` : kind;
}

export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await fieldOptions(this, (field) => !field.global);
}

export async function getWritableFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await fieldOptions(this, isWritable);
}

export async function getContainerFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await fieldOptions(
		this,
		(field) => field.result === 'container' && field.type === 'normal',
	);
}

export async function getPortals(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const layout = selectedLayout(this);
	if (!layout) return [];
	try {
		const { portalMetaData } = await getLayoutMetadata(this, layout);
		return Object.keys(portalMetaData).map((portal) => ({ name: portal, value: portal }));
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

export async function getScripts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		return (await listScripts(this)).map((script) => ({
			name: script.folder ? `${script.name} (${script.folder})` : script.name,
			value: script.name,
		}));
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
