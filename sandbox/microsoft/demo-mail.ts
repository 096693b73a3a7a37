import type { GraphSandbox } from './graph';
import { MICROSOFT_DEMO } from './index';

/**
 * The invoices mailbox of the email-to-FileMaker demo and example: a "Processed" folder with a
 * fixed ID (saved in examples/email-to-filemaker.json, as the editor saves a folder picked from
 * the list), and a few dozen supplier mails, some with a PDF, some delivered late.
 */
export const PROCESSED_FOLDER_ID = 'AQMkADcHJvY2Vzc2VkLWZvbGRlci0wMDAwMDEtZGVtAAAA==';
export const OPERATOR_ADDRESS = MICROSOFT_DEMO.mailboxes.ada.address;

const SUPPLIERS = [
	{ name: 'Northwind Traders', address: 'billing@northwind.example' },
	{ name: 'Fabrikam Tools', address: 'accounts@fabrikam.example' },
	{ name: 'Contoso Paper', address: 'invoices@contoso-paper.example' },
	{ name: 'Tailspin Toys', address: 'ar@tailspin.example' },
];

export interface DemoMail {
	id: string;
	subject: string;
	attachments: number;
	late: boolean;
}

export interface DemoMailOptions {
	/** Mails in the inbox now. */
	count?: number;
	/** Of those, every how many has a PDF (and every fourth of those a second file). */
	attachmentEvery?: number;
	/** Mails received a while ago that show in the inbox only `lateByMs` from now. */
	late?: number;
	lateByMs?: number;
	/** Add one mail FileMaker will refuse (its subject is longer than the field allows). */
	withRefused?: boolean;
	/** Where the invoice numbers start (a second batch goes on from the first). */
	firstNumber?: number;
	/** Stamp the mails this long ago, as Exchange does for mail it delivers late (visible now). */
	backdateMs?: number;
}

/** Creates the "Processed" folder once; delivers the demo's supplier mails. */
export function seedInvoiceMail(graph: GraphSandbox, options: DemoMailOptions = {}): DemoMail[] {
	const {
		count = 30,
		attachmentEvery = 3,
		late = 0,
		lateByMs = 90_000,
		withRefused = false,
		firstNumber = 1,
		backdateMs = 0,
	} = options;
	const invoices = MICROSOFT_DEMO.mailboxes.invoices.address;
	const hasProcessed = graph.mail
		.folders(invoices)
		.some((folder) => folder.id === PROCESSED_FOLDER_ID);
	if (!hasProcessed)
		graph.mail.createFolder(invoices, 'Processed', 'msgfolderroot', PROCESSED_FOLDER_ID);
	const now = graph.clock.now();
	const mails: DemoMail[] = [];
	const deliver = (index: number, isLate: boolean, subject?: string) => {
		const number = firstNumber + index;
		const supplier = SUPPLIERS[number % SUPPLIERS.length];
		const invoice = `INV-2026-${String(number).padStart(4, '0')}`;
		const amount = ((number * 7919) % 90_000) / 100 + 100;
		const files =
			number % attachmentEvery === 0 ? (number % (attachmentEvery * 4) === 0 ? 2 : 1) : 0;
		const text = subject ?? `Invoice ${invoice} from ${supplier.name}`;
		const { id } = graph.mail.deliver(
			{
				subject: text,
				from: { address: supplier.address, name: supplier.name },
				to: [invoices],
				body: `Dear customer,\n\nplease find invoice ${invoice} over EUR ${amount.toFixed(2)}, due in 30 days.\n\n${supplier.name}`,
				attachments: Array.from({ length: files }, (_, file) => ({
					name: file === 0 ? `${invoice}.pdf` : `${invoice}-delivery-note.pdf`,
					content: pdf(`${invoice} ${supplier.name} EUR ${amount.toFixed(2)}`),
					contentType: 'application/pdf',
				})),
			},
			{
				mailbox: invoices,
				receivedAt: isLate ? now - 3 * 60_000 : now - backdateMs - (count - index) * 1000,
				visibleAt: isLate ? now + lateByMs : undefined,
			},
		);
		mails.push({ id, subject: text, attachments: files, late: isLate });
	};
	for (let index = 0; index < count; index++) deliver(index, false);
	for (let index = 0; index < late; index++) deliver(count + index, true);
	if (withRefused) {
		deliver(
			count + late,
			false,
			`URGENT ${'!'.repeat(20)} ${'Your account needs attention '.repeat(10)}`,
		);
	}
	return mails;
}

/** A small, valid one-page PDF showing `line`. */
function pdf(line: string): Buffer {
	const text = line.replace(/[()\\]/g, '');
	const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(body.length);
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
