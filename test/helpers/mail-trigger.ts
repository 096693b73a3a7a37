import { randomUUID } from 'node:crypto';

import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowData } from '../engine/engine';
import { MICROSOFT_GRAPH_MAIL_TRIGGER } from '../engine/node-types';
import type { GraphBed } from './microsoft';
import { GRAPH_CREDENTIAL, folderById, invoices } from './microsoft';

export const TRIGGER_NAME = 'New Invoice Mail';

/** The Mail Trigger on the invoices mailbox's inbox, polled every minute, alone or before `next`. */
export function mailTriggerWorkflow(
	parameters: INodeParameters = {},
	next: INode[] = [],
): WorkflowData {
	const trigger: INode = {
		id: randomUUID(),
		name: TRIGGER_NAME,
		type: MICROSOFT_GRAPH_MAIL_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			mailbox: invoices.address,
			folder: folderById('inbox'),
			...parameters,
		},
		credentials: { microsoftGraphAppApi: GRAPH_CREDENTIAL },
	};
	const connections: WorkflowData['connections'] = {};
	let previous = trigger.name;
	for (const node of next) {
		connections[previous] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		previous = node.name;
	}
	return { nodes: [trigger, ...next], connections };
}

/** Delivers numbered invoice mails into the invoices inbox and remembers their IDs. */
export class InvoiceMail {
	readonly delivered: string[] = [];

	private serial = 0;

	constructor(private readonly bed: GraphBed) {}

	deliver(
		options: { receivedAt?: number; visibleAt?: number; subject?: string; folder?: string } = {},
	): string {
		this.serial += 1;
		const { id } = this.bed.sandboxes.graph.mail.deliver(
			{
				subject: options.subject ?? `Invoice ${this.serial}`,
				from: 'billing@supplier.test',
				to: [invoices.address],
				body: `Invoice number ${this.serial}`,
			},
			{
				mailbox: invoices.address,
				folder: options.folder,
				receivedAt: options.receivedAt,
				visibleAt: options.visibleAt,
			},
		);
		this.delivered.push(id);
		return id;
	}
}

/** A small deterministic random source, so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}
