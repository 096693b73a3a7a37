import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { folderParameter } from '../../helpers/folders';
import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { messageOutput } from '../../helpers/output';
import { graphRequest } from '../../transport';

/**
 * Move or copy a message to another folder. The result has a new ID (Graph gives a moved
 * message a new one): use it for anything done with the message afterwards.
 */
export async function relocate(
	context: IExecuteFunctions,
	itemIndex: number,
	action: 'move' | 'copy',
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(context, itemIndex);
	const id = context.getNodeParameter('messageId', itemIndex) as string;
	const destination = folderParameter(context, 'destinationFolder', itemIndex);
	const { body } = await graphRequest<IDataObject>(context, {
		method: 'POST',
		path: `${mailbox}/messages/${idSegment(id)}/${action}`,
		body: { destinationId: decodeURIComponent(destination.segment) },
		target: `message ${id}`,
	});
	const output = context.getNodeParameter('output', itemIndex, 'simplified') as string;
	return [{ json: messageOutput(body, output) }];
}
