import type { FieldMetaData } from '../helpers/layout-metadata';

/** Fields whose value a record write can set: stored, non-global fields that are not containers. */
export function isWritable(field: FieldMetaData): boolean {
	return field.type === 'normal' && !field.global && field.result !== 'container';
}
