import { describe, expect, it } from 'vitest';
import { readableHeading, wordCasing } from '../../src/ingest/heading-case.js';

const text = [
  'La France a ratifié la convention de Budapest, que la directive NIS complète.',
  'Les actions menées par l’Ambassadeur pour le numérique, et la convention (iii) signée à Budapest, les plateformes.',
];

describe('readableHeading', () => {
  const casing = wordCasing(text);

  it('writes a heading in capitals as the running text writes its words, accents restored', () => {
    expect(readableHeading('LA CONVENTION DE BUDAPEST (2001)', casing)).toBe('La convention de Budapest (2001)');
    expect(readableHeading('LA DIRECTIVE NIS', casing)).toBe('La directive NIS');
    expect(readableHeading('III/ ACTIONS MENEES PAR L’AMBASSADEUR POUR LE NUMERIQUE', casing)).toBe(
      'III/ Actions menées par l’Ambassadeur pour le numérique',
    );
  });

  it('keeps short unknown words (acronyms) in capitals and lower-cases longer ones', () => {
    expect(readableHeading('LE ENVR ET LES PLATEFORMES', casing)).toBe('Le ENVR et les plateformes');
    expect(readableHeading('I / LETTRE DE MISSION', casing)).toBe('I / Lettre de mission');
  });

  it('leaves a heading in mixed case alone', () => {
    expect(readableHeading('1.3 Renforcer la confiance sur Internet', casing)).toBe('1.3 Renforcer la confiance sur Internet');
  });
});
