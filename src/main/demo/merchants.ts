import type { Language, Market } from '../../shared/domain/market';
import { luhnDigit } from './people';
import { Rng, hash32, weighted, type WeightedTable } from './random';

/**
 * Fictitious merchants shared across cases (so the "recurring causes" view has something to group
 * by) and the goods they sell, with the noun forms the story texts need in every language.
 */

export type MerchantKind =
  | 'electronics'
  | 'fashion'
  | 'travel'
  | 'furniture'
  | 'sports'
  | 'home'
  | 'beauty'
  | 'toys'
  | 'tickets';

/** "en soffa" / "soffan": indefinite and definite form, so templates read naturally. */
export interface ItemNoun {
  indef: string;
  def: string;
}

export interface Item {
  names: Record<Language, ItemNoun>;
  /** Price range in SEK major units; Danish prices are derived from it. */
  min: number;
  max: number;
}

export interface DemoMerchant {
  key: string;
  name: string;
  orgNumber: string | null;
  country: string;
  kind: MerchantKind;
  /** Shops abroad, where returns are slow and merchants rarely answer disputes. */
  foreign: boolean;
}

function item(sv: string, da: string, en: string, min: number, max: number): Item {
  const split = (s: string): ItemNoun => {
    const [indef, def] = s.split('|');
    return { indef: indef!, def: def ?? indef! };
  };
  return { names: { sv: split(sv), da: split(da), en: split(en) }, min, max };
}

export const ITEMS: Record<MerchantKind, readonly Item[]> = {
  electronics: [
    item('ett par trådlösa hörlurar|hörlurarna', 'et par trådløse høretelefoner|høretelefonerne', 'a pair of wireless headphones|the headphones', 799, 3999),
    item('en tv på 55 tum|tv:n', 'et 55" tv|tv\'et', 'a 55-inch TV|the TV', 4990, 14990),
    item('en bärbar dator|datorn', 'en bærbar computer|computeren', 'a laptop|the laptop', 6990, 24990),
    item('en mobiltelefon|telefonen', 'en mobiltelefon|telefonen', 'a mobile phone|the phone', 2990, 14990),
    item('en robotdammsugare|robotdammsugaren', 'en robotstøvsuger|robotstøvsugeren', 'a robot vacuum|the robot vacuum', 1990, 6990),
    item('en spelkonsol|spelkonsolen', 'en spillekonsol|spillekonsollen', 'a games console|the console', 3490, 6490),
  ],
  fashion: [
    item('en vinterjacka|jackan', 'en vinterjakke|jakken', 'a winter jacket|the jacket', 899, 3499),
    item('ett par skor|skorna', 'et par sko|skoene', 'a pair of shoes|the shoes', 499, 1999),
    item('en klänning|klänningen', 'en kjole|kjolen', 'a dress|the dress', 399, 1499),
    item('tre par jeans|jeansen', 'tre par jeans|jeansene', 'three pairs of jeans|the jeans', 597, 1797),
    item('ett par kängor|kängorna', 'et par støvler|støvlerne', 'a pair of boots|the boots', 999, 2999),
  ],
  travel: [
    item('flygbiljetter till Alicante|resan', 'flybilletter til Malaga|rejsen', 'flights to Alicante|the trip', 2490, 12990),
    item('en charterresa till Kreta|resan', 'en pakkerejse til Kreta|rejsen', 'a package holiday to Crete|the holiday', 8990, 24990),
    item('en hotellbokning i Berlin|hotellbokningen', 'en hotelbooking i Berlin|hotelbookingen', 'a hotel booking in Berlin|the booking', 1490, 6990),
  ],
  furniture: [
    item('en soffa|soffan', 'en sofa|sofaen', 'a sofa|the sofa', 5990, 19990),
    item('en kontinentalsäng|sängen', 'en kontinentalseng|sengen', 'a box-spring bed|the bed', 6990, 24990),
    item('ett matbord med sex stolar|matbordet', 'et spisebord med seks stole|spisebordet', 'a dining table with six chairs|the dining table', 4990, 14990),
    item('en kontorsstol|kontorsstolen', 'en kontorstol|kontorstolen', 'an office chair|the chair', 1490, 4990),
  ],
  sports: [
    item('en elcykel|elcykeln', 'en elcykel|elcyklen', 'an e-bike|the e-bike', 9990, 24990),
    item('ett löpband|löpbandet', 'et løbebånd|løbebåndet', 'a treadmill|the treadmill', 4990, 12990),
    item('ett tält|tältet', 'et telt|teltet', 'a tent|the tent', 1290, 4990),
  ],
  home: [
    item('en espressomaskin|espressomaskinen', 'en espressomaskine|espressomaskinen', 'an espresso machine|the espresso machine', 2490, 8990),
    item('en gasolgrill|grillen', 'en gasgrill|grillen', 'a gas grill|the grill', 2990, 7990),
    item('ett kastrullset|kastrullsetet', 'et grydesæt|grydesættet', 'a set of saucepans|the saucepans', 699, 2499),
  ],
  beauty: [
    item('en hårtork|hårtorken', 'en hårtørrer|hårtørreren', 'a hair dryer|the hair dryer', 799, 3999),
    item('en hudvårdsbox|hudvårdsboxen', 'en hudplejeboks|hudplejeboksen', 'a skincare box|the box', 199, 899),
  ],
  toys: [
    item('ett dockhus|dockhuset', 'et dukkehus|dukkehuset', "a doll's house|the doll's house", 599, 1999),
    item('en barnvagn|barnvagnen', 'en barnevogn|barnevognen', 'a pram|the pram', 3990, 9990),
  ],
  tickets: [
    item('två konsertbiljetter|biljetterna', 'to koncertbilletter|billetterne', 'two concert tickets|the tickets', 990, 3490),
    item('festivalbiljetter|biljetterna', 'festivalbilletter|billetterne', 'festival tickets|the tickets', 1990, 4990),
  ],
};

function swedishOrgNumber(key: string): string {
  const h = hash32(key.length, ...Array.from(key, (ch) => ch.charCodeAt(0)));
  const nine = `55${6 + (h % 4)}${String(h % 1_000_000).padStart(6, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnDigit(nine)}`;
}

/** Danish CVR: eight digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11. */
function danishCvr(key: string): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  for (let bump = 0; ; bump++) {
    const h = hash32(bump, ...Array.from(key, (ch) => ch.charCodeAt(0)));
    const seven = String(1_000_000 + (h % 8_999_999)).slice(0, 7);
    const sum = weights.reduce((s, w, k) => s + w * (seven.charCodeAt(k) - 48), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${seven}${check}`;
  }
}

type MerchantSpec = readonly [name: string, kind: MerchantKind];

const SE_SPECS: readonly MerchantSpec[] = [
  ['Norrsken Elektronik AB', 'electronics'], ['Modehuset Vide AB', 'fashion'], ['Möbelmagasinet Ek & Ask AB', 'furniture'],
  ['Elektronikhörnan i Borås AB', 'electronics'], ['Solresor Direkt AB', 'travel'], ['Stil & Söm AB', 'fashion'],
  ['Skohyllan Nordic AB', 'fashion'], ['Fjällsport Online AB', 'sports'], ['Köksdrömmar AB', 'home'],
  ['Pixelpunkten AB', 'electronics'], ['Sovrumsbutiken i Mölndal AB', 'furniture'], ['Hemma Hos Interiör AB', 'furniture'],
  ['Fjällbokningen AB', 'travel'], ['Flygfynd Norden AB', 'travel'], ['Cykelverkstan i Lund AB', 'sports'],
  ['Trädgårdshandeln Grön AB', 'home'], ['Hudvårdsbaren AB', 'beauty'], ['Leksakslådan AB', 'toys'],
  ['Biljettkassan Norden AB', 'tickets'], ['Lilla Ateljén AB', 'fashion'], ['Åkessons Hemelektronik AB', 'electronics'],
  ['Barnvagnsbolaget Kärra AB', 'toys'],
];
const DK_SPECS: readonly MerchantSpec[] = [
  ['Nordlys Elektronik A/S', 'electronics'], ['Modehuset Æble ApS', 'fashion'], ['Møbelhuset Fjord A/S', 'furniture'],
  ['Elektronikkælderen ApS', 'electronics'], ['Rejsebureauet Sydkysten ApS', 'travel'], ['Skoboden Vest ApS', 'fashion'],
  ['Sengekompagniet ApS', 'furniture'], ['Cykelsmeden Odense ApS', 'sports'], ['Køkkenhjørnet ApS', 'home'],
  ['Legetøjskassen ApS', 'toys'], ['Billetboden Nord ApS', 'tickets'], ['Hudplejebaren ApS', 'beauty'],
  ['Friluftsbutikken Vidde ApS', 'sports'], ['Havecentret Grøn ApS', 'home'], ['Ørsted & Søn Tøj ApS', 'fashion'],
];
const FOREIGN_SPECS: readonly (readonly [string, MerchantKind, string])[] = [
  ['ShopWorld Global Ltd', 'electronics', 'CN'], ['GadgetHub Shenzhen Co., Ltd.', 'electronics', 'CN'],
  ['TrendyDeals Ltd', 'fashion', 'GB'], ['ModaNova S.r.l.', 'fashion', 'IT'], ['Urban Threads B.V.', 'fashion', 'NL'],
];

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function build(specs: readonly MerchantSpec[], country: Market): DemoMerchant[] {
  return specs.map(([name, kind]) => {
    const key = slug(name);
    return { key, name, kind, country, foreign: false, orgNumber: country === 'SE' ? swedishOrgNumber(key) : danishCvr(key) };
  });
}

const LOCAL: Record<Market, DemoMerchant[]> = { SE: build(SE_SPECS, 'SE'), DK: build(DK_SPECS, 'DK') };
const FOREIGN: DemoMerchant[] = FOREIGN_SPECS.map(([name, kind, country]) => ({
  key: slug(name),
  name,
  kind,
  country,
  foreign: true,
  orgNumber: null,
}));

/** Zipf-like weights: a handful of big merchants account for most complaints, as in real life. */
function zipf(list: readonly DemoMerchant[]): WeightedTable<DemoMerchant> {
  return weighted(list.map((m, rank) => [m, 1 / Math.pow(rank + 1, 0.8)] as const));
}
const LOCAL_TABLE: Record<Market, WeightedTable<DemoMerchant>> = { SE: zipf(LOCAL.SE), DK: zipf(LOCAL.DK) };
const FOREIGN_TABLE = zipf(FOREIGN);

/** Mostly a shop of the customer's market; foreign web shops more often for delivery and return trouble. */
export function pickMerchant(rng: Rng, market: Market, preferForeign: boolean): DemoMerchant {
  return rng.chance(preferForeign ? 0.3 : 0.06) ? rng.choose(FOREIGN_TABLE) : rng.choose(LOCAL_TABLE[market]);
}

/** A shop price in minor units: SEK ends in 9/90/95, DKK is roughly SEK / 1.5 with the same habit. */
export function price(rng: Rng, it: Item, market: Market): number {
  const sek = it.min + rng.next() * (it.max - it.min);
  const major = market === 'SE' ? sek : sek / 1.5;
  let rounded: number;
  if (major < 1000) rounded = Math.floor(major / 10) * 10 + 9;
  else if (major < 5000) rounded = Math.floor(major / 100) * 100 + (rng.chance(0.5) ? 99 : 49);
  else rounded = Math.floor(major / 1000) * 1000 + rng.pick([990, 995, 490, 499]);
  return Math.min(Math.max(rounded, 149), 24_999) * 100;
}
