/**
 * About 600 bytes of HTML, as a short business mail has; Graph sends the body in every list item,
 * which makes a message about 2.5 KB of JSON.
 */
export function htmlBody(index: number): string {
	const paragraph =
		'Please find attached the invoice for the services of last month. The amount is due ' +
		'within thirty days of the invoice date; the bank details are on the second page.';
	return (
		`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>` +
		`<body><div style="font-family: Calibri, sans-serif; font-size: 11pt">` +
		`<p>Dear accounts team,</p><p>${paragraph}</p><p>${paragraph}</p>` +
		`<p>Invoice number: INV-${String(index).padStart(6, '0')}</p>` +
		`<p>Kind regards,<br>Billing department ${index % 50}</p></div></body></html>`
	);
}
