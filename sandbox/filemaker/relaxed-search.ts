/**
 * Folding for FileMaker's relaxed search (`~`, "Japanese only"). FileMaker documents the
 * operator but not its exact rules; the sandbox folds the differences that Japanese
 * relaxed ("aimai") search ignores:
 * - full-width and half-width forms (ｶﾀｶﾅ and カタカナ, ＡＢＣ and ABC), by NFKC;
 * - katakana and hiragana (カ and か);
 * - voiced and semi-voiced marks (は, ば and ぱ);
 * - small and large kana (ゃ and や, っ and つ);
 * - upper and lower case.
 * The long vowel mark (ー) and kanji readings are not folded.
 */
export function relaxJapanese(text: string): string {
	const folded = [...text.normalize('NFKC')]
		.map((char) => {
			const code = char.codePointAt(0) ?? 0;
			// Katakana ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above their hiragana.
			const hiragana = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
			return SMALL_KANA[hiragana] ?? hiragana;
		})
		.join('');
	return folded
		.normalize('NFD')
		.replace(/[\u3099\u309a]/g, '')
		.normalize('NFC')
		.toLowerCase();
}

/** Small hiragana (after katakana became hiragana) and the large kana they stand for. */
const SMALL_KANA: Record<string, string> = {
	ぁ: 'あ',
	ぃ: 'い',
	ぅ: 'う',
	ぇ: 'え',
	ぉ: 'お',
	っ: 'つ',
	ゃ: 'や',
	ゅ: 'ゆ',
	ょ: 'よ',
	ゎ: 'わ',
	ゕ: 'か',
	ゖ: 'け',
};
