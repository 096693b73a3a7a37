import { containerFileName } from '../../../../nodes/FileMakerDataApi/helpers/container-file-name';
import { FileMakerError } from '../../../../lib/filemaker/errors';

const url = new URL(
	'https://fms.example.com/Streaming_SSL/MainDB/6A4F.pdf?RCType=EmbeddedRCFileProcessor',
);

describe('containerFileName', () => {
	it.each([
		["attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf", 'Rechnung März.pdf'],
		['attachment; filename="50% off.pdf"', '50% off.pdf'],
		['attachment; filename=plain.txt', 'plain.txt'],
		['', '6A4F.pdf'],
	])('reads %p as %p', (disposition, expected) => {
		expect(containerFileName(disposition, url)).toBe(expected);
	});

	it('answers malformed percent-encoding with an error that says what to do, not a throw', () => {
		const name = containerFileName("attachment; filename*=UTF-8''bad%E0%A4%A.pdf", url);
		expect(name).toBeInstanceOf(FileMakerError);
		expect((name as FileMakerError).message).toMatch(/not valid URL encoding/);
		expect((name as FileMakerError).hint).toMatch(/Rename the file/);
		const fromUrl = containerFileName(
			'',
			new URL('https://fms.example.com/Streaming/MainDB/%E0%A4.pdf'),
		);
		expect(fromUrl).toBeInstanceOf(FileMakerError);
	});
});
