/** A plain-text table: columns padded to their widest cell, numbers aligned right. */
export function formatTable(header: string[], rows: string[][], alignRight: boolean[]): string {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) =>
				alignRight[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
			)
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [line(header), rule, ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}
