import { describe, expect, it } from 'vitest';
import {
  asksWhere,
  countedWord,
  countsNear,
  expectedAnswerType,
  holdsAnswerType,
  numbersStated,
  placesIn,
} from '../../src/answer/answer-type.js';
import { countriesIn } from '../../src/answer/countries.js';

describe('expectedAnswerType', () => {
  it.each([
    ['Combien de pays ont signé le texte ?', 'amount'],
    ['How many countries signed the text?', 'amount'],
    ['Quelle part des internautes utilise un mobile ?', 'share'],
    ['What share of Americans get their news from social networks?', 'share'],
    ['Quel montant la France consacre-t-elle à ce fonds ?', 'money'],
    ['How much funding does the programme get?', 'money'],
    ['Combien d’euros seront investis ?', 'money'],
    ['What is the annual budget of the programme?', 'money'],
    ['What was the total research budget?', 'money'],
    ['Quel était le budget annuel du programme ?', 'money'],
    ['What fines has the regulator imposed?', 'money'],
    ['What penalty do platforms face?', 'money'],
    ['Quelles amendes le régulateur a-t-il infligées ?', 'money'],
    ['Quel sera le nombre de participants ?', 'amount'],
    ['Quelle était la part des internautes sur mobile ?', 'share'],
    ['Quel est le taux de la taxe ?', 'share'],
    ['Quel taux la taxe applique-t-elle ?', 'share'],
    ['What is the tax rate?', 'share'],
    ['What rate did France propose for the tax?', 'share'],
    ['Which bodies share internet governance?', null],
    ['Quand le sommet a-t-il eu lieu ?', 'date'],
    ['Depuis quelle année ce poste existe-t-il ?', 'date'],
    ['Le forum, c’était quand ?', 'date'],
    ['Le partenariat a été lancé quand et où ?', 'date'],
    ['Depuis quand ce poste existe-t-il ?', 'date'],
    ['Where and when was the summit held?', 'date'],
    ['Who chaired the group, and when did she start?', 'date'],
    ['Since when has the treaty applied?', 'date'],
    ['What does France want when a state attacks a network?', null],
    ['Que fait la France quand un État attaque un réseau ?', null],
    ['In which month was the forum held?', 'date'],
    ['Which country hosted the summit?', 'country'],
    ['With which countries did France hold dialogues?', 'country'],
    ['Avec quels pays la France coopère-t-elle ?', 'country'],
    ['Quel État préside le groupe ?', 'country'],
    ["Combien d'États ont ratifié la convention ?", 'amount'],
    ['Quelle est la position de la France sur la neutralité du net ?', null],
    ['Who leads the French delegation?', null],
    ['Quels résultats la France a-t-elle obtenus à la conférence ?', 'outcome'],
    ['Qu’a finalement décidé la conférence ?', 'outcome'],
    ['What did the summit decide about the treaty?', 'outcome'],
    ['What was the outcome of the meeting?', 'outcome'],
    ['Which bands did the conference finally allocate?', 'outcome'],
    ['What principle lets people decide how their data is used?', null],
    ['Combien de pays ont finalement signé ?', 'amount'],
  ])('%s → %s', (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });
});

describe('holdsAnswerType', () => {
  it('wants, for an outcome, something stated as done, not only what is to come', () => {
    const isOutcome = (text: string) => holdsAnswerType(text, 'outcome', new Set());
    expect(isOutcome('Elle a notamment permis d’identifier des bandes de fréquences.')).toBe(true);
    expect(isOutcome('Au cours de laquelle ont été adoptées une déclaration et deux feuilles de route.')).toBe(true);
    expect(isOutcome('A ce stade, la France n’a pas signé la version définitive du texte.')).toBe(true);
    expect(isOutcome('La conférence s’est tenue à Berlin.')).toBe(true);
    expect(isOutcome('La prochaine conférence, qui aura lieu en 2019, traitera d’enjeux importants.')).toBe(false);
    expect(isOutcome('Elle se penchera également sur la définition des systèmes de transport.')).toBe(false);
  });

  it('wants, for "which country", a country the question does not already name', () => {
    const question = 'Which country did France meet with in Tallinn?';
    const named = countriesIn(question);
    expect([...named]).toEqual(['FR']);
    expect(holdsAnswerType("Dialogue stratégique avec l'Estonie | Tallinn | 2019", 'country', new Set(), named)).toBe(true);
    expect(holdsAnswerType('La France a participé au forum de Tallinn.', 'country', new Set(), named)).toBe(false);
    expect(holdsAnswerType('Réunion | Paris | 12 novembre 2019', 'country', new Set(), named)).toBe(false);
    expect(countriesIn("les États-Unis, la Corée du Sud et l'Inde")).toEqual(new Set(['US', 'KR', 'IN']));
    expect(countriesIn('le mali de la situation')).toEqual(new Set());
  });

  it('wants, for "what share" or "what rate", a part of a whole: a percentage, "six sur dix", "la moitié"', () => {
    const none = new Set<string>();
    for (const text of ['environ 45 % des Français', 'six personnes sur dix n’ont pas d’accès', 'la moitié des pays', 'deux tiers des États', 'vingt pour cent']) {
      expect(holdsAnswerType(text, 'share', none)).toBe(true);
    }
    for (const text of ['Les débats portent sur trois options.', 'les entreprises qui localisent dans des États tiers', 'sur 3 ans, en 2019']) {
      expect(holdsAnswerType(text, 'share', none)).toBe(false);
    }
  });

  it('counts an approximate numeral ("une cinquantaine d\'agents") as a number', () => {
    const none = new Set<string>();
    expect(holdsAnswerType("Celle-ci a permis d'identifier près d'une cinquantaine d'agents.", 'amount', none)).toBe(true);
    expect(countsNear("près d'une vingtaine de correspondants", (word) => word.startsWith('correspondant'), none)).toBe(true);
    expect(holdsAnswerType("Elle a permis d'identifier des agents.", 'amount', none)).toBe(false);
  });

  it('wants a number the question does not already give', () => {
    const question = 'Combien de projets ont été lancés en 2019 ?';
    expect(holdsAnswerType('En 2019, la France a lancé plusieurs projets.', 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('En 2019, 14 projets ont été lancés.', 'amount', numbersStated(question))).toBe(true);
    expect(holdsAnswerType('Une douzaine de pays, soit trois sur dix.', 'amount', numbersStated(question))).toBe(true);
    expect(holdsAnswerType('Les entreprises qui localisent leurs bénéfices dans des États tiers.', 'amount', numbersStated(question))).toBe(false);
  });

  it('does not take the numbers of a date for a count', () => {
    const question = 'How many women took part?';
    expect(holdsAnswerType('Table ronde sur les femmes | Paris | 23 avril 2019', 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('Forum | Berlin | 25-29 novembre 2019', 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('Réunion du 03.06.19 avec 40 femmes', 'amount', numbersStated(question))).toBe(true);
    expect(holdsAnswerType('La moitié des participants, le 2 mai', 'amount', numbersStated(question))).toBe(true);
  });

  it('does not count the days of a date range, nor the digits of a name', () => {
    const question = 'Combien de personnes ?';
    expect(holdsAnswerType("Organisation les 27 et 28 juin 2019 d'une conférence", 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('Réunion des 3, 4 et 5 mai', 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('Proposé par la World Wide Web Foundation (3WF) au G20', 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('Le réseau 5G réunit 12 opérateurs', 'amount', numbersStated(question))).toBe(true);
  });

  it('does not count a rank: "64 ème forum", "la 3e réunion", "3<sup>e</sup>", "27th summit"', () => {
    const none = new Set<string>();
    expect(holdsAnswerType('Participation au 64 ème forum de l’ICANN | Kobe', 'amount', none)).toBe(false);
    expect(holdsAnswerType('Lors de la 3e réunion et du 3<sup>e</sup> dialogue', 'amount', none)).toBe(false);
    expect(holdsAnswerType('The 27th summit', 'amount', none)).toBe(false);
    expect(countsNear('Participation au 64 ème forum', (word) => word.startsWith('particip'), none)).toBe(false);
    expect(holdsAnswerType('Le forum a réuni 3 000 participants', 'amount', none)).toBe(true);
  });

  it('does not count the partners a bilateral text calls "les deux parties"', () => {
    const question = 'How many researchers will work there?';
    expect(holdsAnswerType('Les deux parties se réjouissent du lancement du projet.', 'amount', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('Le centre accueillera deux chercheurs.', 'amount', numbersStated(question))).toBe(true);
  });

  it('wants a currency for money', () => {
    expect(holdsAnswerType('Le fonds réunit 12 partenaires.', 'money', numbersStated('Quel montant ?'))).toBe(false);
    expect(holdsAnswerType('Le fonds est doté de 2 millions d’euros.', 'money', numbersStated('Quel montant ?'))).toBe(true);
  });

  it('accepts a month, a new year or a numeric date for a date', () => {
    const question = 'Quand la réunion de 2019 a-t-elle eu lieu ?';
    expect(holdsAnswerType('La réunion de 2019 a eu lieu à Paris.', 'date', numbersStated(question))).toBe(false);
    expect(holdsAnswerType('La réunion a eu lieu en février à Paris.', 'date', numbersStated(question))).toBe(true);
    expect(holdsAnswerType('Paris, le 03.06.19', 'date', numbersStated(question))).toBe(true);
    expect(holdsAnswerType('Signé en 2017.', 'date', numbersStated(question))).toBe(true);
  });
});

describe('asksWhere and placesIn', () => {
  it('reads where-questions, alone or as a part, and "in which city"', () => {
    expect(asksWhere('Where was the forum held?')).toBe(true);
    expect(asksWhere('Le forum, c’était quand et où ?')).toBe(true);
    expect(asksWhere('Dans quelle ville se tient le sommet ?')).toBe(true);
    expect(asksWhere('In which city is the school?')).toBe(true);
    expect(asksWhere('Le pays où la France investit le plus ?')).toBe(false);
  });

  it('finds the places a text names after a preposition', () => {
    expect(placesIn('qui a eu lieu en mars 2019, à Kobe, au Japon ;')).toEqual(['Kobe', 'Japon']);
    expect(placesIn('une contribution à la réflexion en cours')).toEqual([]);
    expect(placesIn('| Conduite de travaux (CAHAI) | Strasbourg | 18-20 novembre 2019 |')).toEqual(['Strasbourg']);
  });
});

describe('countedWord', () => {
  it('finds what a "how many" question counts', () => {
    expect(countedWord("Combien d'incidents ont été traités ?")).toBe('incidents');
    expect(countedWord('Combien de pays ?')).toBe('pays');
    expect(countedWord('How many missions were carried out?')).toBe('missions');
    expect(countedWord('Quand le texte a-t-il été signé ?')).toBeNull();
  });

  it('counts the last word of a name, not its first', () => {
    expect(countedWord('Combien de French Tech Visa ont été délivrés ?')).toBe('Visa');
    expect(countedWord("Combien d'États ont ratifié la convention ?")).toBe('États');
    expect(countedWord('How many Member States signed it?')).toBe('States');
  });
});

describe('countsNear', () => {
  const visas = (word: string) => /^visas?$/iu.test(word);
  const missions = (word: string) => /^missions?$/iu.test(word);
  it('takes a number for a count of the noun beside it, on either side', () => {
    expect(countsNear("L'Ambassadeur a effectué 35 missions à l'étranger.", missions, new Set())).toBe(true);
    expect(countsNear('French Tech Visa délivrés : 350 en 2019.', visas, new Set())).toBe(true);
  });
  it('does not take a number counting another noun for a count of this one', () => {
    const text = 'Son action est structurée autour de trois piliers : les French Tech Hubs, le French Tech Visa.';
    expect(countsNear(text, visas, new Set())).toBe(false);
    expect(countsNear('Le French Tech Visa, lancé le 3 mai 2019.', visas, new Set())).toBe(false);
    expect(countsNear('Les 35 missions prévues.', missions, new Set(['35']))).toBe(false);
  });
});
