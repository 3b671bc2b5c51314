import type { NewCaseBundle } from '../db/repositories/case-writer.repository';
import type { Language, Market } from '../../shared/domain/market';
import { asciiFold } from './format';
import { Rng, STREAM, rngFor } from './random';

/**
 * Fictitious people: customers with valid-format (never real-checked) identity numbers, the
 * outsourced customer-service agents who appear in transcripts, and the ombudsman's office.
 */

type Gender = 'f' | 'm';

const SV_FEMALE = [
  'Anna', 'Åsa', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Kristina', 'Emma', 'Ingrid', 'Linnéa', 'Märta',
  'Ebba', 'Elin', 'Sofia', 'Johanna', 'Malin', 'Frida', 'Hanna', 'Ida', 'Agnes', 'Astrid', 'Birgitta', 'Signe',
  'Tove', 'Saga', 'Maja', 'Helén', 'Renée', 'Ylva', 'Ulla', 'Gunnel', 'Britt-Marie', 'Annelie', 'Amira',
  'Fatima', 'Zeynep', 'Leila', 'Ågot', 'Solveig',
];
const SV_MALE = [
  'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Per', 'Mikael', 'Björn', 'Göran', 'Håkan', 'Jörgen', 'Örjan',
  'Mattias', 'Oskar', 'Axel', 'Nils', 'Olle', 'Måns', 'Sören', 'Ali', 'Mohammed', 'Ahmed', 'Emil', 'Viktor',
  'Gustav', 'André', 'José', 'Thor', 'Kenneth', 'Stig', 'Leo', 'Hugo', 'Elias', 'Åke', 'Bengt', 'Rolf',
];
const SV_LAST = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Öberg', 'Åberg', 'Ekström', 'Sjöberg', 'Lindström', 'Bäckström',
  'Löfgren', 'Nordén', 'Hedén', 'Strömberg', 'Åkesson', 'Sandström', 'Holmén', 'Björk', 'Lundqvist',
  'Hellström', 'Dahlén', 'Wikström', 'Forsén', 'Ågren', 'Östlund', 'Söderberg', 'Hussein', 'Yilmaz', 'Novak',
  'Mäkinen', 'Berglöf', 'Fältskog', 'Nyström', 'Lindén', 'Öhman', 'Sundén', 'Järvinen', 'Abdi', 'Rönnqvist',
];
const DA_FEMALE = [
  'Mette', 'Anne', 'Hanne', 'Lone', 'Kirsten', 'Susanne', 'Camilla', 'Louise', 'Sofie', 'Ida', 'Freja', 'Emma',
  'Maja', 'Signe', 'Karoline', 'Astrid', 'Birthe', 'Gitte', 'Bodil', 'Lærke', 'Line', 'Rikke', 'Pernille',
  'Tove', 'Inge', 'Dorthe', 'Åse', 'Søs', 'Mathilde', 'Cecilie', 'Nanna', 'Aysha',
];
const DA_MALE = [
  'Søren', 'Jørgen', 'Bjørn', 'Mads', 'Rasmus', 'Anders', 'Jens', 'Lars', 'Henrik', 'Niels', 'Kasper', 'Mikkel',
  'Frederik', 'Magnus', 'Thomas', 'Peter', 'Ole', 'Poul', 'Torben', 'Steen', 'Bent', 'Jesper', 'Morten',
  'Asger', 'Esben', 'René', 'Jørn', 'Øjvind', 'Mehmet', 'Aksel',
];
const DA_LAST = [
  'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller', 'Mortensen',
  'Søndergaard', 'Østergaard', 'Nørgaard', 'Kjærgaard', 'Bækgaard', 'Lykkegård', 'Dalsgaard', 'Holm', 'Krøyer',
  'Brønnum', 'Vestergaard', 'Frølund', 'Thygesen', 'Ravn', 'Kjær', 'Bødker', 'Skræddergaard', 'Ærbø',
];

const SV_STREETS = [
  'Storgatan', 'Drottninggatan', 'Kungsgatan', 'Vasagatan', 'Järnvägsgatan', 'Skolgatan', 'Ängsvägen',
  'Björkvägen', 'Tallstigen', 'Strandvägen', 'Hagagatan', 'Södra Förstadsgatan', 'Östra Hamngatan', 'Åsgatan',
  'Köpmangatan', 'Kyrkogatan', 'Trädgårdsgatan', 'Sjövägen', 'Lärkvägen', 'Måsvägen', 'Rönnbärsvägen',
  'Älvgatan', 'Götgatan', 'Nygatan',
];
/** City and the first three digits of its postal codes. */
const SV_CITIES: readonly (readonly [string, string])[] = [
  ['Stockholm', '113'], ['Stockholm', '118'], ['Stockholm', '126'], ['Göteborg', '413'], ['Göteborg', '417'],
  ['Malmö', '211'], ['Malmö', '214'], ['Uppsala', '753'], ['Västerås', '722'], ['Örebro', '702'],
  ['Linköping', '582'], ['Helsingborg', '252'], ['Jönköping', '553'], ['Norrköping', '602'], ['Lund', '223'],
  ['Umeå', '903'], ['Gävle', '802'], ['Borås', '503'], ['Södertälje', '151'], ['Eskilstuna', '632'],
  ['Karlstad', '652'], ['Täby', '183'], ['Växjö', '352'], ['Halmstad', '302'], ['Luleå', '972'],
  ['Sundsvall', '852'], ['Östersund', '831'], ['Skellefteå', '931'], ['Kalmar', '392'], ['Falun', '791'],
  ['Åre', '837'], ['Ystad', '271'], ['Kiruna', '981'], ['Mölndal', '431'], ['Nacka', '131'],
];
const DA_STREETS = [
  'Vestergade', 'Østergade', 'Nørregade', 'Søndergade', 'Algade', 'Havnegade', 'Skovvej', 'Bøgevej', 'Kirkevej',
  'Strandvejen', 'Møllevej', 'Engvej', 'Åboulevarden', 'Frederiksberg Allé', 'Jægersborggade', 'Ørstedsvej',
  'Rosenvænget', 'Ved Søen', 'Kongevejen', 'Æblehaven', 'Fælledvej', 'Skræddervænget',
];
const DA_CITIES: readonly (readonly [string, string])[] = [
  ['København K', '1358'], ['København N', '2200'], ['København S', '2300'], ['København Ø', '2100'],
  ['Frederiksberg', '2000'], ['Aarhus C', '8000'], ['Odense C', '5000'], ['Aalborg', '9000'], ['Esbjerg', '6700'],
  ['Randers', '8900'], ['Kolding', '6000'], ['Horsens', '8700'], ['Vejle', '7100'], ['Roskilde', '4000'],
  ['Herning', '7400'], ['Helsingør', '3000'], ['Silkeborg', '8600'], ['Næstved', '4700'], ['Fredericia', '7000'],
  ['Viborg', '8800'], ['Køge', '4600'], ['Holstebro', '7500'], ['Svendborg', '5700'], ['Ærøskøbing', '5970'],
  ['Rønne', '3700'], ['Sønderborg', '6400'], ['Hillerød', '3400'], ['Hørsholm', '2970'], ['Ølstykke', '3650'],
  ['Skælskør', '4230'], ['Brønshøj', '2700'],
];

/** Outsourced customer-service agents as they sign chats: first name and an initial. */
export const CS_AGENTS: Record<Language, readonly string[]> = {
  sv: ['Sara L.', 'Jonas K.', 'Nikos P.', 'Elena M.', 'Andreas S.', 'Maria C.', 'Christos A.', 'Linda H.',
    'Daniel Ö.', 'Sofia G.', 'Petra N.', 'Marcus B.', 'Anastasia V.', 'Robin E.', 'Jenny Å.'],
  da: ['Mette R.', 'Jonas B.', 'Katrine S.', 'Nikolaj T.', 'Eleni P.', 'Sune J.', 'Louise K.', 'Andreas M.',
    'Sara Ø.', 'Kristian L.', 'Marie H.'],
  en: ['Sarah L.', 'Nikos P.', 'Elena M.', 'Andreas S.', 'Christos A.', 'Daniel Ö.', 'Jenny Å.', 'Marcus B.'],
};

export interface DemoStaff {
  username: string;
  displayName: string;
  role: 'ombudsman' | 'handler' | 'auditor';
  title: string;
  /** The market whose cases a handler usually takes. */
  market?: Market;
}

/** The ombudsman's office: one ombudsman, four handlers (two per market language), one auditor. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { username: 'fia', displayName: 'Fia Engström', role: 'ombudsman', title: 'Kundombud' },
  { username: 'jonas', displayName: 'Jonas Öhman', role: 'handler', title: 'Handläggare', market: 'SE' },
  { username: 'linnea', displayName: 'Linnéa Åkerlund', role: 'handler', title: 'Handläggare', market: 'SE' },
  { username: 'mette', displayName: 'Mette Søndergaard', role: 'handler', title: 'Sagsbehandler', market: 'DK' },
  { username: 'asger', displayName: 'Asger Brøndum', role: 'handler', title: 'Sagsbehandler', market: 'DK' },
  { username: 'gunnar', displayName: 'Gunnar Ahlqvist', role: 'auditor', title: 'Klagomålsansvarig' },
];

/** Luhn check digit of a digit string, as used in Swedish personal and organisation numbers. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let v = digits.charCodeAt(k) - 48;
    // Weights alternate 2,1,2,1… from the left over the nine digits before the check digit.
    if (k % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Swedish 12-digit personal number YYYYMMDD-NNNC: the ninth digit is odd for men, even for women. */
export function swedishPersonalNumber(rng: Rng, year: number, month: number, day: number, gender: Gender): string {
  const serial = rng.int(0, 99) * 10 + (gender === 'm' ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2);
  const serial3 = String(serial).padStart(3, '0');
  const short = `${String(year % 100).padStart(2, '0')}${pad2(month)}${pad2(day)}${serial3}`;
  return `${year}${pad2(month)}${pad2(day)}-${serial3}${luhnDigit(short)}`;
}

/**
 * Danish CPR number DDMMYY-NNNN. For births 1900–1999 the seventh digit may be 0–3; the last digit
 * is odd for men and even for women. No modulus-11 check: CPR numbers dropped it in 2007.
 */
export function danishCpr(rng: Rng, year: number, month: number, day: number, gender: Gender): string {
  const last = gender === 'm' ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2;
  const serial = `${rng.int(0, 3)}${rng.int(0, 9)}${rng.int(0, 9)}${last}`;
  return `${pad2(day)}${pad2(month)}${pad2(year % 100)}-${serial}`;
}

export interface DemoCustomer {
  first: string;
  last: string;
  market: Market;
  language: Language;
  bundle: NewCaseBundle['customer'];
}

/**
 * A case's market is a property of its customer, so a returning customer stays in one market.
 * Three in four escalations come from Sweden; a few Swedish customers write in English.
 */
function customerMarket(seed: number, customerKey: number): { market: Market; language: Language } {
  const rng = rngFor(seed, customerKey, STREAM.market);
  if (rng.chance(0.25)) return { market: 'DK', language: 'da' };
  return { market: 'SE', language: rng.chance(0.05) ? 'en' : 'sv' };
}

/** The customer with key `customerKey`; depends only on (seed, key). */
export function makeCustomer(seed: number, customerKey: number): DemoCustomer {
  const { market, language } = customerMarket(seed, customerKey);
  const rng = rngFor(seed, customerKey, STREAM.customer);
  const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
  const dk = market === 'DK';
  const first = rng.pick(dk ? (gender === 'f' ? DA_FEMALE : DA_MALE) : gender === 'f' ? SV_FEMALE : SV_MALE);
  // Double-barrelled and hyphenated surnames are common enough to deserve a place in search tests.
  let last = rng.pick(dk ? DA_LAST : SV_LAST);
  if (rng.chance(0.06)) last = `${rng.pick(dk ? DA_LAST : SV_LAST)}-${last}`;
  const year = rng.int(1942, 2004);
  const month = rng.int(1, 12);
  const day = rng.int(1, DAYS_IN_MONTH[month - 1]!);
  const personalNumber = dk ? danishCpr(rng, year, month, day, gender) : swedishPersonalNumber(rng, year, month, day, gender);
  const local = `${asciiFold(first)}.${asciiFold(last)}`;
  const email = `${rng.chance(0.4) ? `${local}${rng.int(1, 99)}` : local}@${dk ? 'example.dk' : 'example.se'}`;
  // PTS keeps 070-174 06 05…99 free for fiction; Danish numbers are random eight-digit mobiles.
  const phone = dk
    ? `+45 ${rng.int(20, 61)} ${pad2(rng.int(0, 99))} ${pad2(rng.int(0, 99))} ${pad2(rng.int(0, 99))}`
    : `070-174 06 ${pad2(rng.int(5, 99))}`;
  const streetName = rng.pick(dk ? DA_STREETS : SV_STREETS);
  const number = rng.int(1, 88);
  const street = dk
    ? `${streetName} ${number}${rng.chance(0.5) ? `, ${rng.int(1, 4)}. ${rng.pick(['tv.', 'th.', 'mf.'])}` : ''}`
    : `${streetName} ${number}${rng.chance(0.2) ? ` ${rng.pick(['A', 'B', 'C'])}` : ''}`;
  const [city, prefix] = rng.pick(dk ? DA_CITIES : SV_CITIES);
  const postalCode = dk ? prefix : `${prefix} ${pad2(rng.int(0, 99))}`;
  return {
    first,
    last,
    market,
    language,
    bundle: {
      sourceId: `demo-customer-${seed}-${customerKey}`,
      name: `${first} ${last}`,
      personalNumber,
      email,
      phone: rng.chance(0.9) ? phone : null,
      street,
      postalCode,
      city,
      country: market,
    },
  };
}
