import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { folderParameter } from '../../helpers/folders';
import { MAX_PAGE, bodyPreference, messageListQuery } from '../../helpers/list-options';
import { mailboxPath } from '../../helpers/mailbox';
import { messageOutput } from '../../helpers/output';
import { graphList } from '../../transport';

/** Messages of a folder, newest first, with filters or a search; Return All or a Limit. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const folder = folderParameter(this, 'folder', itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const output = this.getNodeParameter('output', itemIndex, 'simplified') as string;
	const messages = await graphList(
		this,
		{
			method: 'GET',
			path: `${mailbox}/mailFolders/${folder.segment}/messages`,
			qs: messageListQuery(this, itemIndex, Math.min(limit ?? MAX_PAGE, MAX_PAGE)),
			headers: bodyPreference(options.bodyFormat),
			target: `folder "${folder.label}"`,
		},
		limit,
	);
	return messages.map((message) => ({ json: messageOutput(message, output) }));
}
