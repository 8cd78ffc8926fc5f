import { describe, expect, it } from 'vitest';
import { asksForPerson, asksWho, namesSomeoneNew } from '../../src/answer/who.js';

// Stand-ins for the corpus's knowledge of names: capitalised words here, minus the common ones below.
const COMMON = new Set(['Liberté', 'Égalité', 'Digital', 'Ministers', 'Ambassadeur', 'Paris']);
const isName = (word: string) => /^\p{Lu}/u.test(word) && !COMMON.has(word);

describe('asksWho', () => {
  it('recognises who-questions in English and French', () => {
    expect(asksWho('Who signed the letter?')).toBe(true);
    expect(asksWho('Qui est le directeur ?')).toBe(true);
    expect(asksWho('À qui la lettre est-elle adressée ?')).toBe(true);
    expect(asksWho('Tallinn trip: who did he meet')).toBe(true);
    expect(asksWho("Comment s'appelle le directeur général ?")).toBe(true);
    expect(asksWho('Quel est le nom du président ?')).toBe(true);
    expect(asksWho('What is the name of the executive who chairs it?')).toBe(true);
  });

  it('leaves relative pronouns alone', () => {
    expect(asksWho('Quels pays qui ont signé la convention ?')).toBe(false);
    expect(asksWho('Which countries, who knows, signed?')).toBe(false);
  });
});

describe('asksForPerson', () => {
  it('tells a question about the holder of a post from one a body may answer', () => {
    expect(asksForPerson('Who is the ambassador for digital affairs?')).toBe(true);
    expect(asksForPerson("Qui est le directeur général de l'ANSSI ?")).toBe(true);
    expect(asksForPerson('Who takes part in the preparation of the conference?')).toBe(false);
    expect(asksForPerson('Quel est le budget du ministère ?')).toBe(false);
  });

  it('reads "which minister" and "quel ministre" as asking who holds the post', () => {
    expect(asksForPerson('Which minister opened the forum?')).toBe(true);
    expect(asksForPerson('Which Estonian minister did he meet?')).toBe(true);
    expect(asksForPerson('Quel ministre singapourien était présent ?')).toBe(true);
    expect(asksForPerson('Quelles directrices ont été nommées ?')).toBe(true);
    expect(asksWho('Which ministries take part?')).toBe(false);
    expect(asksWho('What is the ambassador asked to do?')).toBe(false);
    expect(asksWho('Quel rôle pour le ministre ?')).toBe(false);
  });
});

describe('namesSomeoneNew', () => {
  const notIn = (question: string) => (word: string) => question.toLowerCase().includes(word.toLowerCase());

  it('finds a person the question does not name, after an honorific or in full', () => {
    const question = notIn('Whom did he meet in Tallinn?');
    expect(namesSomeoneNew('Rencontre avec Mme Heli Tiirmaa-Klaar', isName, question)).toBe(true);
    expect(namesSomeoneNew('Signé : Jean-Yves Le Drian', isName, question)).toBe(true);
    expect(namesSomeoneNew('Mounir Mahjoubi Secrétaire', (word) => isName(word) && word !== 'Secrétaire', question)).toBe(
      true,
    );
    expect(namesSomeoneNew('Il a rencontré les équipes sur place.', isName, question)).toBe(false);
  });

  it('counts a body known by its acronym only when the question does not ask for a person', () => {
    const question = notIn('Who is the ambassador?');
    const text = 'Il travaille avec la Direction des affaires stratégiques (ASD).';
    expect(namesSomeoneNew(text, isName, question)).toBe(true);
    expect(namesSomeoneNew(text, isName, question, false)).toBe(false);
  });

  it('takes a compound of two names for one word, not for a first name and a surname', () => {
    const question = notIn('Which Singaporean minister signed the roadmap?');
    const isPlace = (word: string) => isName(word) && word !== 'Dialogue';
    expect(namesSomeoneNew('au sein du Dialogue Asie-Europe (ASEM)', isPlace, question, false)).toBe(false);
    expect(namesSomeoneNew('la feuille de route France-Singapour', isPlace, question, false)).toBe(false);
    expect(namesSomeoneNew('Signé : Jean-Yves Le Drian', isPlace, question, false)).toBe(true);
  });

  it('does not count the person the question already names', () => {
    const question = notIn('Who succeeded Henri Verdier?');
    expect(namesSomeoneNew('Monsieur Henri VERDIER Ambassadeur pour le numérique', isName, question)).toBe(false);
  });

  it('takes no motto or event title for a person, but takes a body by its acronym', () => {
    const question = notIn('Who chaired the meeting?');
    expect(namesSomeoneNew('Liberté Égalité Fraternité', isName, question)).toBe(false);
    expect(namesSomeoneNew('Berlin | Digital Ministers Meeting', isName, question)).toBe(false);
    expect(namesSomeoneNew("La réunion était présidée par l'ANFR.", isName, question)).toBe(true);
  });
});
