import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * DejaVu Sans (Bitstream Vera licence, see node_modules/dejavu-fonts-ttf/LICENSE): full Latin
 * coverage incl. å ä ö æ ø é, €, – and “ ”. Read from the npm package, never from system fonts,
 * so a letter looks the same on every machine.
 */
export interface LetterFonts {
  normal: Buffer;
  bold: Buffer;
  italics: Buffer;
  bolditalics: Buffer;
}

let cached: LetterFonts | undefined;

export function letterFonts(): LetterFonts {
  if (!cached) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      normal: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
      italics: readFileSync(join(dir, 'DejaVuSans-Oblique.ttf')),
      bolditalics: readFileSync(join(dir, 'DejaVuSans-BoldOblique.ttf')),
    };
  }
  return cached;
}
