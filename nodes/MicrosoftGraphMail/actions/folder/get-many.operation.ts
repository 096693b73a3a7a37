import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mailboxPath } from '../../helpers/mailbox';
import { allFolders } from '../../helpers/folder-tree';

/** The mailbox's folders; with child folders, the whole tree, each with its path. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const withChildren = this.getNodeParameter('includeChildFolders', itemIndex, false) as boolean;
	const folders: IDataObject[] = await allFolders(this, mailbox, withChildren);
	return folders.map((folder) => ({ json: folder }));
}
