import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';
import { graphRequest } from '../transport';
import { uploadInChunks } from '../transport/upload';
import { idSegment } from './mailbox';

/** Graph takes attachments of up to 3 MB in the request itself; larger ones need an upload session. */
export const INLINE_LIMIT_BYTES = 3 * 1024 * 1024;

/** Graph refuses request bodies over 4 MB; in JSON an attachment is base64, a third larger. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Whether a JSON request body stays within Graph's 4 MB request limit. */
export function fitsInOneRequest(body: IDataObject): boolean {
	return Buffer.byteLength(JSON.stringify(body)) <= MAX_REQUEST_BYTES;
}

export interface FileToAttach {
	name: string;
	contentType: string;
	bytes: Buffer;
}

/** The files of the item's binary properties named in `names` (comma-separated). */
export async function filesToAttach(
	context: IExecuteFunctions,
	itemIndex: number,
	names: string,
): Promise<FileToAttach[]> {
	const properties = names
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	const item = context.getInputData()[itemIndex];
	const files: FileToAttach[] = [];
	for (const property of properties) {
		const binary = item.binary?.[property];
		if (!binary) {
			throw new InputError(
				`The item has no binary property "${property}" to attach`,
				`Its binary properties are: ${Object.keys(item.binary ?? {}).join(', ') || 'none'}.`,
			);
		}
		files.push({
			name: binary.fileName ?? property,
			contentType: binary.mimeType || 'application/octet-stream',
			bytes: await context.helpers.getBinaryDataBuffer(itemIndex, property),
		});
	}
	return files;
}

export function totalBytes(files: FileToAttach[]): number {
	return files.reduce((sum, file) => sum + file.bytes.length, 0);
}

/** A `fileAttachment` in a request body (up to 3 MB in all). */
export function inlineAttachment(file: FileToAttach): IDataObject {
	return {
		'@odata.type': '#microsoft.graph.fileAttachment',
		name: file.name,
		contentType: file.contentType,
		contentBytes: file.bytes.toString('base64'),
	};
}

/**
 * Adds files to a draft: small ones in one request each, large ones (from about 3 MB, whose
 * request would pass 4 MB, up to 150 MB) through an upload session.
 */
export async function attachToDraft(
	context: IExecuteFunctions,
	messagePath: string,
	files: FileToAttach[],
): Promise<void> {
	for (const file of files) {
		const target = `attachment "${file.name}"`;
		const inline = inlineAttachment(file);
		if (file.bytes.length <= INLINE_LIMIT_BYTES && fitsInOneRequest(inline)) {
			await graphRequest(context, {
				method: 'POST',
				path: `${messagePath}/attachments`,
				body: inline,
				target,
			});
			continue;
		}
		const { body } = await graphRequest<{ uploadUrl?: string }>(context, {
			method: 'POST',
			path: `${messagePath}/attachments/createUploadSession`,
			body: {
				AttachmentItem: {
					attachmentType: 'file',
					name: file.name,
					size: file.bytes.length,
					contentType: file.contentType,
				},
			},
			target,
		});
		await uploadInChunks(context, String(body.uploadUrl ?? ''), file.bytes, target);
	}
}

export { idSegment };
