import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../../shared/node-error';
import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { graphRequest } from '../../transport';

/** A new folder at the top of the mailbox, or inside another folder. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const displayName = (this.getNodeParameter('folderName', itemIndex, '') as string).trim();
	if (!displayName) throw new InputError('The folder has no name', 'Enter a Folder Name.');
	const parent = (this.getNodeParameter('parentFolderId', itemIndex, '') as string).trim();
	const { body } = await graphRequest<IDataObject>(this, {
		method: 'POST',
		path: parent
			? `${mailbox}/mailFolders/${idSegment(parent)}/childFolders`
			: `${mailbox}/mailFolders`,
		body: { displayName },
		target: `folder "${displayName}"`,
	});
	return [
		{
			json: Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith('@odata'))),
		},
	];
}
