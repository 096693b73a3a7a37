import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { messageOutput } from '../../helpers/output';
import { graphRequest } from '../../transport';

/** `PATCH …/messages/<id>` with `changes`; the message as it is now. */
export async function updateMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	changes: IDataObject,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(context, itemIndex);
	const id = context.getNodeParameter('messageId', itemIndex) as string;
	const { body } = await graphRequest<IDataObject>(context, {
		method: 'PATCH',
		path: `${mailbox}/messages/${idSegment(id)}`,
		body: changes,
		target: `message ${id}`,
	});
	const output = context.getNodeParameter('output', itemIndex, 'simplified') as string;
	return [{ json: messageOutput(body, output) }];
}
