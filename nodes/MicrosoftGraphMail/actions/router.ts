import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../../shared/node-error';
import { runPerItem } from '../../shared/per-item';
import * as downloadAttachment from './attachment/download.operation';
import * as getAttachments from './attachment/get-many.operation';
import * as createFolder from './folder/create.operation';
import * as getFolders from './folder/get-many.operation';
import * as copyMessage from './message/copy.operation';
import * as createDraft from './message/create-draft.operation';
import * as deleteMessage from './message/delete.operation';
import * as flagMessage from './message/flag.operation';
import * as forwardMessage from './message/forward.operation';
import * as getMessage from './message/get.operation';
import * as getMessages from './message/get-many.operation';
import * as markRead from './message/mark-read.operation';
import * as markUnread from './message/mark-unread.operation';
import * as moveMessage from './message/move.operation';
import * as replyAll from './message/reply-all.operation';
import * as reply from './message/reply.operation';
import * as sendMessage from './message/send.operation';
import * as setCategories from './message/set-categories.operation';
import { warnOfExpiringSecret } from '../helpers/secret-expiry';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, Operation>> = {
	message: {
		copy: copyMessage.execute,
		createDraft: createDraft.execute,
		delete: deleteMessage.execute,
		flag: flagMessage.execute,
		forward: forwardMessage.execute,
		get: getMessage.execute,
		getMany: getMessages.execute,
		markRead: markRead.execute,
		markUnread: markUnread.execute,
		move: moveMessage.execute,
		reply: reply.execute,
		replyAll: replyAll.execute,
		send: sendMessage.execute,
		setCategories: setCategories.execute,
	},
	folder: { create: createFolder.execute, getMany: getFolders.execute },
	attachment: { download: downloadAttachment.execute, getMany: getAttachments.execute },
};

/** Runs the chosen operation once per input item, with pairedItem and Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw toNodeError(
			this.getNode(),
			new Error(`The operation "${operation}" of "${resource}" is not supported`),
			0,
		);
	}
	await warnOfExpiringSecret(this);
	return [await runPerItem(this, async (itemIndex) => await handler.call(this, itemIndex))];
}
